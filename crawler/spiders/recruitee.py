"""Recruitee careers sites: ``GET https://<token>.recruitee.com/api/offers/``.

The board token is the host's first label, so ``api_base`` is ``https://{board}.recruitee.com``.
With ``--base-url`` the path ``/api/offers/`` is kept and the host is replaced: give
``http://{board}.mirror.example`` to keep one host per board, or a plain URL
(``http://127.0.0.1:8123``) to ask that one host for every board.

Offers carry ``remote`` / ``hybrid`` / ``on_site`` flags and a ``salary`` object whose values
are null unless the employer filled them in.
"""
from __future__ import annotations

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider


class RecruiteeSpider(BoardSpider):
    name = "recruitee"
    api_base = "https://{board}.recruitee.com"

    def board_requests(self, board):
        yield self.request(self.api_url("/api/offers/", board), self.parse_offers, board=board)

    def parse_offers(self, response, board):
        answer = self.json_records(response, "offers")
        if answer is None:
            return
        _, records = answer
        for offer in records:
            if offer.get("id") is not None:
                yield self.posting(board, offer)

    def posting(self, board, offer):
        pay = offer.get("salary") or {}
        location = offer.get("location") or ", ".join(
            p for p in (offer.get("city"), offer.get("country")) if p) or None
        return self.make_posting(
            board, offer["id"], offer,
            title=offer.get("title"),
            company=offer.get("company_name") or self.company_name(board),
            location=location,
            country=nz.country_code(offer.get("country_code")) or nz.country_code(offer.get("country")),
            department=offer.get("department"),
            employment_type=offer.get("employment_type_code"),
            work_mode=nz.work_mode(remote=offer.get("remote"), hybrid=offer.get("hybrid"),
                                   onsite=offer.get("on_site")),
            date_posted=nz.to_iso_date(offer.get("published_at") or offer.get("created_at")),
            url=offer.get("careers_url") or offer.get("careers_apply_url"),
            description_html=_description_html(offer),
            **nz.structured_salary(pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("period")),
        )


def _description_html(offer) -> str | None:
    """Description then requirements, top-level or from the first translation."""
    source = offer
    if not (offer.get("description") or offer.get("requirements")):
        translations = offer.get("translations") or {}
        source = translations.get("en") or next(iter(translations.values()), None) or {}
    parts = [source.get("description"), source.get("requirements")]
    return "".join(p for p in parts if isinstance(p, str) and p.strip()) or None
