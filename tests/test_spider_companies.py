"""Spiders name companies from the boards file (else a readable token) and name unknown boards."""
from crawler.run import plan, spider_kwargs
from crawler.spiders.lever import LeverSpider


def test_company_from_boards_file_else_readable_token(tmp_path):
    boards = tmp_path / "boards.toml"
    boards.write_text('[[boards]]\nsource = "lever"\ntoken = "zoox"\ncompany = "Zoox, Inc."\n'
                      '[[boards]]\nsource = "lever"\ntoken = "acme-foods"\n')
    jobs = plan("lever", ["lever"], [], boards, [], [])
    spider = LeverSpider(**spider_kwargs("lever", jobs["lever"], None, 2, None))
    assert spider.boards == ["zoox", "acme-foods"]
    assert spider.company_name("zoox") == "Zoox, Inc."
    assert spider.company_name("acme-foods") == "Acme Foods"
    assert LeverSpider(boards="blue_harbor").company_name("blue_harbor") == "Blue Harbor"


def test_unknown_board_is_named_in_the_error(caplog):
    import logging

    from scrapy.http import TextResponse
    from scrapy.spidermiddlewares.httperror import HttpError
    from twisted.python.failure import Failure

    from crawler.spiders.greenhouse import GreenhouseSpider

    spider = GreenhouseSpider(boards="nosuchboard")
    [request] = list(spider.board_requests("nosuchboard"))
    failure = Failure(HttpError(TextResponse(request.url, status=404, body=b"{}", request=request), "404"))
    failure.request = request
    with caplog.at_level(logging.ERROR):
        request.errback(failure)
    [message] = [r.getMessage() for r in caplog.records]
    assert message.startswith("No greenhouse board named 'nosuchboard' (HTTP 404")
