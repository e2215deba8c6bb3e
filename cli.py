"""amscout's command line: parses options, calls the functions that do the work, prints.

No business logic lives here. Every command takes ``--db PATH`` (or ``AMSCOUT_DB``); problems a
user can fix are raised as ``errors.AmscoutError`` and printed as one line with a non-zero exit.
Heavy imports (Scrapy, spaCy, pandas) happen inside the commands so that ``--help`` is instant.
"""
from __future__ import annotations

import functools
import json
import sys
from importlib.metadata import PackageNotFoundError, version

import click

from errors import AmscoutError

try:
    __version__ = version("amscout")
except PackageNotFoundError:  # running from a checkout without install
    __version__ = "0.0.0+local"

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), envvar="AMSCOUT_DB", default=None,
    help="SQLite database (default: data/amscout.db, or $AMSCOUT_DB).")


def friendly_errors(func):
    """Turn AmscoutError (and a few well-known OS errors) into one line on stderr, exit 1."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AmscoutError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("Interrupted; everything stored so far is kept.", err=True)
            sys.exit(130)
    return wrapper


def echo_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="amscout")
def main():
    """amscout: collect account-manager job postings and analyse what they require.

    \b
    Typical session:
      amscout crawl greenhouse --board acme      # collect postings
      amscout extract                           # read requirements from every posting
      amscout report trends                     # write a citable trends report
      amscout gap my_resume.pdf                 # what you lack for the roles you target
    """


# --------------------------------------------------------------------------- crawl

@main.command()
@click.argument("source")
@click.option("--board", "boards", multiple=True, metavar="TOKEN", help="Board / company token (repeatable).")
@click.option("--boards-file", type=click.Path(exists=True, dir_okay=False),
              help="TOML or text file listing boards (default for SOURCE 'all': data/boards.toml).")
@click.option("--base-url", help="Replace the scheme and host of the source's API (mirrors, tests).")
@click.option("--start-url", "start_urls", multiple=True, metavar="URL", help="jsonld: page to start from (repeatable).")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="jsonld: sitemap to read, or the site's robots.txt naming its sitemaps (repeatable).")
@click.option("--depth", type=click.IntRange(0, 20), default=2, show_default=True, help="jsonld: link depth to follow.")
@click.option("--all-roles", is_flag=True, help="Keep every posting, not only the account-management family.")
@click.option("--max-pages", type=click.IntRange(1), default=None, help="Stop paging after N list pages per board.")
@click.option("--contact", envvar="AMSCOUT_CONTACT", default=None,
              help="Contact (e-mail or URL) sent in the User-Agent; or $AMSCOUT_CONTACT.")
@click.option("--cache/--no-cache", default=False, show_default=True, help="Use Scrapy's HTTP cache (.scrapy/httpcache); keyed APIs (Adzuna, USAJOBS) are never cached.")
@DB_OPTION
@friendly_errors
def crawl(source, boards, boards_file, base_url, start_urls, sitemaps, depth, all_roles, max_pages,
          contact, cache, db_path):
    """Crawl SOURCE (a spider name, or 'all') into the database.

    \b
    Examples:
      amscout crawl greenhouse --board gitlab --board airbnb
      amscout crawl lever --board zoox --max-pages 3
      amscout crawl jsonld --start-url https://careers.example.com/jobs --depth 2
      amscout crawl all                       # every board in data/boards.toml
    """
    from crawler.run import run_crawl

    summary = run_crawl(
        source=source, boards=list(boards), boards_file=boards_file, base_url=base_url,
        start_urls=list(start_urls), sitemaps=list(sitemaps), depth=depth, all_roles=all_roles,
        max_pages=max_pages, contact=contact, cache=cache, db_path=db_path,
    )
    click.echo(
        f"Crawl finished: {summary['new']} new, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['duplicates']} duplicates, "
        f"{summary['dropped']} dropped by the role filter, {summary['errors']} errors.")
    if summary.get("errors") and not (summary["new"] or summary["updated"] or summary["unchanged"]):
        sys.exit(1)


# --------------------------------------------------------------------------- import / stats / show

@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--source", default=None, help="Source name to record (default: from the file).")
@click.option("--all-roles", is_flag=True, help="Keep every posting, not only the account-management family.")
@DB_OPTION
@friendly_errors
def import_cmd(file, source, all_roles, db_path):
    """Import a JobSpy CSV export or a JSON Lines file of Posting records.

    \b
    Examples:
      amscout import jobs.csv                 # JobSpy export
      amscout import postings.jsonl --source mybatch
    """
    from crawler.importer import import_file

    summary = import_file(file, db_path=db_path, source=source, all_roles=all_roles)
    click.echo(
        f"Imported {summary['read']} rows: {summary['new']} new, {summary['updated']} updated, "
        f"{summary['unchanged']} unchanged, {summary['duplicates']} duplicates, "
        f"{summary['dropped']} dropped by the role filter, {summary['skipped']} skipped.")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@DB_OPTION
@friendly_errors
def stats(as_json, db_path):
    """Postings by source, board, month and role.

    \b
    Example:
      amscout stats --json
    """
    from crawler.inventory import collection_stats, format_stats

    data = collection_stats(db_path)
    echo_json(data) if as_json else click.echo(format_stats(data))


@main.command()
@click.argument("posting_id")
@click.option("--json", "as_json", is_flag=True, help="Print the posting and its extraction as JSON.")
@click.option("--color/--no-color", default=None, help="Highlight extracted values (default: when a terminal).")
@DB_OPTION
@friendly_errors
def show(posting_id, as_json, color, db_path):
    """Print one posting with its extracted requirements highlighted in place.

    \b
    Example:
      amscout show greenhouse:gitlab:4012345
    """
    from analysis.show import render_posting

    click.echo(render_posting(posting_id, db_path=db_path, as_json=as_json, color=color))


# --------------------------------------------------------------------------- extract

@main.command()
@click.option("--reprocess", is_flag=True, help="Extract every posting again, not only new ones.")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--input", "input_path", type=click.Path(dir_okay=False),
              help="File mode: read postings (JSON Lines: id, title, text) instead of the database.")
@click.option("--output", "output_path", type=click.Path(dir_okay=False),
              help="File mode: write predictions (JSON Lines) here ('-' for stdout).")
@click.option("--model", default=None, help="A spaCy model to start from instead of blank English.")
@DB_OPTION
@friendly_errors
def extract(reprocess, processes, input_path, output_path, model, db_path):
    """Read skills, degrees, experience, certifications, salary, seniority and work mode.

    \b
    Examples:
      amscout extract                         # every posting not yet extracted
      amscout extract --processes 2 --reprocess
      amscout extract --input postings.jsonl --output predictions.jsonl
    """
    from analysis.extract import extract_database, extract_file

    if bool(input_path) != bool(output_path):
        raise click.UsageError("--input and --output go together (file mode).")
    if input_path:
        n = extract_file(input_path, output_path, processes=processes, model=model)
        click.echo(f"Extracted {n} postings to {output_path}.", err=output_path == "-")
    else:
        summary = extract_database(db_path, reprocess=reprocess, processes=processes, model=model)
        click.echo(f"Extracted {summary['extracted']} postings "
                   f"({summary['skipped']} already up to date, pipeline {summary['pipeline_version']}).")


# --------------------------------------------------------------------------- report / gap

def report_filter_options(func):
    """The filters every report takes (repeatable, or comma-separated lists)."""
    options = [
        click.option("--since", metavar="DATE", help="Postings dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)."),
        click.option("--until", metavar="DATE", help="Postings dated on or before DATE."),
        click.option("--role-family", multiple=True, metavar="NAME", help="account_management, sales or other."),
        click.option("--seniority", multiple=True, metavar="LEVEL",
                     help="intern, entry, mid, senior, manager or director_plus."),
        click.option("--source", multiple=True, metavar="NAME", help="Source (greenhouse, lever, ...)."),
        click.option("--company", multiple=True, metavar="NAME", help="Company (case-insensitive)."),
        click.option("--country", multiple=True, metavar="CODE", help="Country code (US, GB, ...)."),
        click.option("--work-mode", multiple=True, metavar="MODE", help="remote, hybrid, onsite or unspecified."),
        click.option("--min-n", type=int, default=30, show_default=True,
                     help="Groups with fewer postings are shown as 'too few', never as a share."),
        click.option("--top", type=int, default=20, show_default=True, help="How many skills to list."),
        click.option("--out", "out_dir", type=click.Path(file_okay=False),
                     help="Output folder (default: reports/<name>/)."),
        click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filters(opts: dict):
    from analysis.filters import Filters

    return Filters.build(**{k: opts.pop(k) for k in (
        "since", "until", "role_family", "seniority", "source", "company", "country", "work_mode",
        "min_n")}, by=opts.pop("by", "quarter"))


def _progress_printer():
    """A progress callback: one line per report step on stderr, with the seconds so far."""
    import time

    started = time.monotonic()

    def progress(message: str) -> None:
        click.echo(f"  … [{time.monotonic() - started:5.1f} s] {message}", err=True)
    return progress


@main.group()
def report():
    """Write citable reports (Markdown, HTML, CSV, JSON, charts, manifest) into a folder.

    \b
    Example:
      amscout report trends --since 2025-01-01 --by month --out reports/2025
    """


@report.command("trends")
@report_filter_options
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="quarter", show_default=True,
              help="Period for change over time.")
@DB_OPTION
@friendly_errors
def report_trends(db_path, **opts):
    """What employers ask of account managers, and how it changes over time.

    \b
    Examples:
      amscout report trends                              # -> reports/trends/
      amscout report trends --seniority senior --since 2025-01-01 --by month
      amscout report trends --source greenhouse --min-n 50 --out /tmp/am --json
    """
    from analysis.trends import run_trends

    filters = _filters(opts)
    summary = run_trends(db_path, filters, out_dir=opts["out_dir"], top=opts["top"], progress=_progress_printer())
    if opts["as_json"]:
        echo_json(summary)
    click.echo(f"Trends report: {summary['postings']:,} postings ({summary['first_day']} to "
               f"{summary['last_day']}), fingerprint {summary['fingerprint'][:16]} -> "
               f"{summary['out']}/report.html", err=opts["as_json"])


@main.command()
@click.argument("resume", type=click.Path(dir_okay=False))
@report_filter_options
@click.option("--degree", type=click.Choice(["none", "high_school", "associate", "bachelor", "master",
                                             "professional", "doctorate"]),
              help="Your highest degree, if the resume is not read right.")
@click.option("--years", type=click.FloatRange(0, 60), help="Your years of experience, if not read right.")
@DB_OPTION
@friendly_errors
def gap(resume, db_path, degree, years, **opts):
    """Compare a resume (.txt, .md, .pdf, .docx) with what matching postings ask for.

    The resume is read in memory; nothing of it is written to the database.

    \b
    Examples:
      amscout gap my_resume.pdf
      amscout gap cv.docx --seniority senior --since 2025-01-01 --out reports/my-gap
      amscout gap cv.txt --degree bachelor --years 6 --json
    """
    from analysis.gap import run_gap

    filters = _filters(opts)
    summary = run_gap(db_path, resume, filters, out_dir=opts["out_dir"], top=opts["top"],
                      degree=degree, years=years, progress=_progress_printer())
    if opts["as_json"]:
        echo_json(summary)
    click.echo(f"Gap report: {summary['skills_have']} of your skills in demand, "
               f"{summary['skills_missing']} missing skills ranked, against {summary['postings']:,} "
               f"postings -> {summary['out']}/report.html", err=opts["as_json"])


# --------------------------------------------------------------------------- demo

@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="reports/demo", show_default=True,
              help="Folder for the reports, the demo database and a README.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="A NEW database file to fill (default: OUT/amscout-demo-simulated.db, replaced each run). "
                   "The demo never writes into an existing database.")
@click.option("--postings", type=click.IntRange(20, 20000), default=1500, show_default=True,
              help="How many postings to generate.")
@click.option("--keep-servers", is_flag=True, help="Keep the simulated boards running afterwards (Ctrl-C stops).")
@friendly_errors
def demo(out_dir, db_path, postings, keep_servers):
    """Run the whole product offline on simulated job boards.

    All data is generated; no company, job or person in it is real. Starts Greenhouse-, Lever-,
    Ashby- and JSON-LD-shaped boards on 127.0.0.1 serving generated account-manager postings
    over 24 months, crawls them with the real spiders into a fresh database, extracts
    requirements, and writes a trends report and a gap report for the sample resume in
    data/sample_resume.md.

    \b
    Examples:
      amscout demo                            # -> reports/demo/
      amscout demo --postings 300 --out /tmp/demo
      amscout demo --keep-servers             # then crawl the boards yourself
    """
    from crawler.demo_run import run_demo

    run_demo(out_dir=out_dir, db_path=db_path, postings=postings, keep_servers=keep_servers)


if __name__ == "__main__":
    main()
