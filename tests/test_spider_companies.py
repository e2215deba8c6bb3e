"""APIs that do not name the company (Lever, Ashby) take it from the boards file, else the token."""
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
