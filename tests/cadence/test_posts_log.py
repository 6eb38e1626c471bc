"""The posts log: checking what the user typed, changing the log, importing CSV."""

from datetime import datetime, timedelta, timezone

import pytest

from app.cadence import posts_csv
from app.cadence.post_fields import PostInput
from app.cadence.posts_csv import MAX_CSV_BYTES, ImportReport, PostsImportError
from app.cadence.posts_log import PostsLog
from app.cadence.week import week_start
from app.errors import DigwellError, NotFoundError
from app.store.themes import save_theme
from app.types import Theme
from tests.conftest import BERLIN, NOW


@pytest.fixture
def log(db, planner) -> PostsLog:
    with db.transaction() as conn:
        save_theme(conn, Theme(0, "Platform engineering"), 0)
        save_theme(conn, Theme(0, "Hiring"), 1)
    return PostsLog(db, planner.clock)


def _theme_id(log: PostsLog, name: str) -> int:
    return next(t.id for t in log.themes() if t.name == name)


def _input(
    log,
    date="2026-11-20",
    time=None,
    platform="linkedin",
    kind="share",
    theme=None,
    url="",
    text="",
):
    return log.parse_input(date, time, platform, kind, theme, url, text)


def _error(call, *args, **kwargs) -> DigwellError:
    with pytest.raises(DigwellError) as caught:
        call(*args, **kwargs)
    return caught.value


# -- parse_input


def test_parse_input_gives_a_checked_local_post(log):
    p = _input(
        log,
        time="09:30",
        platform="LinkedIn",
        kind="Original",
        theme="hiring",
        url=" https://example.org/post/1 ",
        text="  My take  ",
    )
    assert p == PostInput(
        datetime(2026, 11, 20, 9, 30, tzinfo=BERLIN),
        "linkedin",
        "original",
        _theme_id(log, "Hiring"),
        "https://example.org/post/1",
        "My take",
    )
    assert p.posted_at.utcoffset() == timedelta(hours=1)


def test_a_post_without_a_time_is_logged_at_local_noon(log):
    p = _input(log, date="2026-11-20")
    assert p.posted_at == datetime(2026, 11, 20, 12, 0, tzinfo=BERLIN)


def test_today_without_a_time_is_now_rather_than_a_noon_to_come(log):
    p = _input(log, date="2026-11-23")
    assert p.posted_at == datetime(2026, 11, 23, 10, 0, tzinfo=BERLIN) == NOW


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("linkedin", "linkedin"),
        ("LinkedIn", "linkedin"),
        (" BLUESKY ", "bluesky"),
        ("X", "x"),
        ("twitter", "x"),
        ("Twitter", "x"),
        ("Mastodon", "mastodon"),
        ("threads", "threads"),
        ("Other", "other"),
    ],
)
def test_platforms_match_by_key_name_or_alias_in_any_case(log, typed, key):
    assert _input(log, platform=typed).platform == key


def test_an_unknown_platform_lists_the_choices(log):
    err = _error(_input, log, platform="Myspace")
    assert err.message == "'Myspace' is not a platform Digwell knows."
    assert err.hint == "Choose one of linkedin, x, mastodon, bluesky, threads or other."
    assert _error(_input, log, platform=" ").message == "The platform is missing."


def test_kinds(log):
    assert _input(log, kind="HELP").kind == "help"
    assert _input(log, kind="").kind == "share"
    err = _error(_input, log, kind="rant")
    assert err.message == "'rant' is not a kind of post."
    assert err.hint == "Choose share, original, credit or help."


def test_themes_by_name_in_any_case_or_none(log):
    assert _input(log, theme="PLATFORM engineering").theme_id == _theme_id(
        log, "Platform engineering"
    )
    assert _input(log, theme="").theme_id is None
    assert _input(log, theme=None).theme_id is None
    err = _error(_input, log, theme="Cooking")
    assert err.message == "There is no theme named 'Cooking'."
    assert err.hint == "Your themes: Platform engineering, Hiring. Or leave the theme empty."


def test_an_unknown_theme_when_there_are_none_says_so(db, planner):
    err = _error(_input, PostsLog(db, planner.clock), theme="Cooking")
    assert "You have no themes yet" in err.hint


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "example.org"])
def test_only_web_addresses_are_links(log, url):
    err = _error(_input, log, url=url)
    assert err.message == f"'{url}' is not a web address."
    assert err.hint == "Give the post's link, starting with https://, or leave it empty."


@pytest.mark.parametrize("typed", ["2026-13-01", "20/11/2026", "2026-11-31", "20261120", "soon"])
def test_dates_are_yyyy_mm_dd(log, typed):
    err = _error(_input, log, date=typed)
    assert err.message == f"'{typed}' is not a date (YYYY-MM-DD)."
    assert err.hint == "For example 2026-11-20."
    assert _error(_input, log, date="").message == "The date is missing."


@pytest.mark.parametrize("typed", ["25:00", "12:60", "9pm", "9.30", "12:00:00"])
def test_times_are_24_hour_hh_mm(log, typed):
    err = _error(_input, log, time=typed)
    assert err.message == f"'{typed}' is not a time (HH:MM, 24-hour)."
    assert _input(log, time="7:05").posted_at.hour == 7


def test_the_future_is_refused(log):
    err = _error(_input, log, date="2026-11-24")
    assert err.message == "2026-11-24 12:00 is in the future."
    assert err.hint == "Log a post once it is out; to plan one, plan a draft instead."
    assert _error(_input, log, date="2026-11-23", time="10:01").message == (
        "2026-11-23 10:01 is in the future."
    )
    assert _input(log, date="2026-11-23", time="10:00").posted_at == NOW


def test_just_before_and_after_midnight_land_on_their_local_days_and_weeks(log):
    sunday = log.add(_input(log, date="2026-11-22", time="23:59"))
    monday = log.add(_input(log, date="2026-11-23", time="00:01"))
    # In UTC both are on Sunday the 22nd; locally they are a day (and a week) apart.
    assert sunday.posted_at.astimezone(timezone.utc).day == 22
    assert monday.posted_at.astimezone(timezone.utc).day == 22
    assert (log.to_json(sunday)["date"], log.to_json(sunday)["time"]) == ("2026-11-22", "23:59")
    assert (log.to_json(monday)["date"], log.to_json(monday)["time"]) == ("2026-11-23", "00:01")
    this_week = week_start(NOW, BERLIN)
    assert sunday.posted_at < this_week <= monday.posted_at


# -- changing the log


def test_add_edit_delete_restore(log):
    post = log.add(_input(log, time="08:15", theme="Hiring", url="https://example.org/p"))
    assert log.list() == [post]
    assert post.platform == "linkedin" and post.kind == "share" and post.draft_id is None
    assert post.posted_at == datetime(2026, 11, 20, 8, 15, tzinfo=BERLIN)

    edited = log.edit(post.id, kind="credit", text="Thanks, Sam")
    assert edited == post._replace(kind="credit", text="Thanks, Sam")

    deleted = log.delete(post.id)
    assert deleted == edited and log.list() == []
    with pytest.raises(NotFoundError):
        log.get(post.id)

    restored = log.restore(deleted)
    assert restored == edited and log.list() == [edited]


def test_edit_checks_what_it_changes(log):
    post = log.add(_input(log))
    with pytest.raises(DigwellError, match="in the future"):
        log.edit(post.id, posted_at=NOW + timedelta(hours=1))
    with pytest.raises(DigwellError, match="not a platform"):
        log.edit(post.id, platform="myspace")
    with pytest.raises(DigwellError, match="not a kind of post"):
        log.edit(post.id, kind="rant")
    with pytest.raises(DigwellError, match="not a web address"):
        log.edit(post.id, url="javascript:alert(1)")
    with pytest.raises(DigwellError, match="no theme 999"):
        log.edit(post.id, theme_id=999)
    with pytest.raises(NotFoundError, match="no post 999"):
        log.edit(999, text="x")
    with pytest.raises(NotFoundError):
        log.delete(999)
    assert log.get(post.id) == post


def test_edit_normalises_what_it_is_given(log):
    post = log.add(_input(log))
    edited = log.edit(post.id, platform="Twitter", kind="HELP", url=" https://x.com/p ")
    assert (edited.platform, edited.kind, edited.url) == ("x", "help", "https://x.com/p")
    with pytest.raises(ValueError, match="cannot change draft_id"):
        log.edit(post.id, draft_id=3)


def test_parse_changes_keeps_the_time_for_a_new_date_and_the_date_for_a_new_time(log):
    post = log.add(_input(log, date="2026-11-20", time="08:15"))
    assert log.parse_changes(post, date="2026-11-18") == {
        "posted_at": datetime(2026, 11, 18, 8, 15, tzinfo=BERLIN)
    }
    assert log.parse_changes(post, time="17:40") == {
        "posted_at": datetime(2026, 11, 20, 17, 40, tzinfo=BERLIN)
    }
    assert log.parse_changes(post, theme="", platform="Twitter") == {
        "theme_id": None,
        "platform": "x",
    }
    assert log.parse_changes(post) == {}
    with pytest.raises(DigwellError, match="in the future"):
        log.parse_changes(post, date="2026-11-30")


def test_list_is_newest_first_and_limited(log):
    old = log.add(_input(log, date="2026-11-01"))
    new = log.add(_input(log, date="2026-11-21"))
    mid = log.add(_input(log, date="2026-11-10"))
    assert log.list() == [new, mid, old]
    assert log.list(2) == [new, mid]


def test_to_json_and_describe(log):
    post = log.add(
        _input(
            log,
            time="08:05",
            theme="Platform engineering",
            url="https://example.org/p",
            text="Golden paths",
        )
    )
    assert log.to_json(post) == {
        "id": post.id,
        "date": "2026-11-20",
        "time": "08:05",
        "posted_at": "2026-11-20T08:05:00+01:00",
        "platform": "linkedin",
        "kind": "share",
        "theme": "Platform engineering",
        "url": "https://example.org/p",
        "text": "Golden paths",
        "draft_id": None,
    }
    assert log.describe(post) == "2026-11-20 08:05, LinkedIn, share (Platform engineering)"
    assert log.theme_name(None) == "" and log.theme_name(12345) == ""


# -- CSV


def _csv(tmp_path, text: str, name: str = "posts.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


GOOD = """date,time,platform,kind,theme,url,text
2026-11-20,08:15,LinkedIn,share,Hiring,https://example.org/1,First
2026-11-19,,x,original,,,Second
2026-11-18,17:00,mastodon,,platform engineering,https://example.org/3,
"""


def test_import_adds_every_row(log, tmp_path):
    report = log.import_csv(_csv(tmp_path, GOOD))
    assert report == ImportReport(added=3, skipped=0, errors=())
    posts = log.list()
    assert [(p.platform, p.kind, p.text) for p in posts] == [
        ("linkedin", "share", "First"),
        ("x", "original", "Second"),
        ("mastodon", "share", ""),
    ]
    assert posts[0].theme_id == _theme_id(log, "Hiring")
    assert posts[1].posted_at == datetime(2026, 11, 19, 12, 0, tzinfo=BERLIN)
    assert posts[2].theme_id == _theme_id(log, "Platform engineering")


def test_reimporting_the_same_file_adds_nothing(log, tmp_path):
    path = _csv(tmp_path, GOOD + "2026-11-19,,x,original,,,Second\n")
    assert log.import_csv(path) == ImportReport(4, 0, ())  # the same post twice: both count
    assert log.import_csv(path) == ImportReport(0, 4, ())
    assert log.count() == 4


def test_a_post_logged_by_hand_is_skipped_by_an_import(log, tmp_path):
    log.add(_input(log, date="2026-11-19", platform="x", kind="original"))
    assert log.import_csv(_csv(tmp_path, GOOD)) == ImportReport(2, 1, ())


def test_columns_in_any_order_and_case_and_only_the_required_ones(log, tmp_path):
    path = _csv(tmp_path, "Platform , DATE\nbluesky,2026-11-02\n")
    assert log.import_csv(path).added == 1
    assert log.list()[0].platform == "bluesky"


def test_quoted_commas_and_newlines_keep_their_physical_line_numbers(log, tmp_path):
    text = (
        "date,platform,text\n"
        '2026-11-20,linkedin,"One, two\nand three\nlines"\n'
        '2026-11-21,linkedin,"Quoted ""words"", too"\n'
        '2026-13-01,linkedin,"bad date,\nover two lines"\n'
        "2026-11-22,myspace,bad platform\n"
    )
    with pytest.raises(PostsImportError) as caught:
        log.import_csv(_csv(tmp_path, text))
    assert caught.value.errors == (
        "line 6: '2026-13-01' is not a date (YYYY-MM-DD)",
        "line 8: 'myspace' is not a platform Digwell knows",
    )
    good = _csv(tmp_path, "\n".join(text.splitlines()[:5]) + "\n", "good.csv")
    assert log.import_csv(good).added == 2
    assert [p.text for p in log.list()] == ['Quoted "words", too', "One, two\nand three\nlines"]


def test_a_byte_order_mark_and_crlf_are_fine(log, tmp_path):
    path = _csv(tmp_path, "\ufeffdate,platform\r\n2026-11-20,threads\r\n")
    assert log.import_csv(path).added == 1


def test_bad_rows_are_all_reported_by_line_and_nothing_is_imported(log, tmp_path):
    log.add(_input(log, date="2026-11-01"))
    text = (
        "date,time,platform,kind,theme,url,text\n"
        "2026-11-20,08:00,linkedin,share,,,fine\n"
        "\n"
        "2026-13-01,,linkedin,,,,\n"
        "2026-11-20,25:00,linkedin,rant,Cooking,javascript:alert(1),\n"
        "2026-12-24,,linkedin,,,,\n"
        ",,,,,,only text\n"
        '2026-11-20,,linkedin,share,,,"a","b"\n'
    )
    with pytest.raises(PostsImportError) as caught:
        log.import_csv(_csv(tmp_path, text))
    err = caught.value
    assert err.errors == (
        "line 4: '2026-13-01' is not a date (YYYY-MM-DD)",
        "line 5: '25:00' is not a time (HH:MM, 24-hour); 'rant' is not a kind of post; "
        "There is no theme named 'Cooking'; 'javascript:alert(1)' is not a web address",
        "line 6: 2026-12-24 12:00 is in the future",
        "line 7: The date is missing; The platform is missing",
        "line 8: 8 values for 7 columns (put text with commas in double quotes)",
    )
    assert err.message.startswith("Nothing was imported from posts.csv: 5 rows have problems.\n")
    assert str(err).splitlines()[0] == (
        "Nothing was imported from posts.csv: 5 rows have problems. "
        "Fix them, then import the file again."
    )
    assert str(err).splitlines()[1] == "  line 4: '2026-13-01' is not a date (YYYY-MM-DD)"
    assert log.count() == 1


def test_a_long_list_of_errors_is_cut_short(log, tmp_path):
    rows = "".join(f"2026-11-{n:02d},nowhere\n" for n in range(1, 26))
    with pytest.raises(PostsImportError) as caught:
        log.import_csv(_csv(tmp_path, "date,platform\n" + rows))
    lines = str(caught.value).splitlines()
    assert len(caught.value.errors) == 25
    assert lines[1] == "  line 2: 'nowhere' is not a platform Digwell knows"
    assert lines[20] == "  line 21: 'nowhere' is not a platform Digwell knows"
    assert lines[21:] == ["  and 5 more"]
    assert "25 rows have problems" in lines[0]


def test_broken_quoting_is_reported_where_the_row_starts(log, tmp_path):
    text = 'date,platform,text\n2026-11-20,x,fine\n2026-11-21,x,"never closed\nmore\n'
    with pytest.raises(PostsImportError) as caught:
        log.import_csv(_csv(tmp_path, text))
    assert caught.value.errors[0].startswith("line 3: the quotes do not match")
    assert log.count() == 0


def test_unknown_columns_are_named(log, tmp_path):
    err = _error(log.import_csv, _csv(tmp_path, "date,platform,likes,Views\n2026-11-20,x,3,4\n"))
    assert err.message == "posts.csv has columns Digwell does not know: 'likes', 'views'."
    assert err.hint == (
        "The columns are date, time, platform, kind, theme, url, text; "
        "date and platform are required."
    )
    err = _error(log.import_csv, _csv(tmp_path, "date,platform,likes\n"))
    assert err.message == "posts.csv has a column Digwell does not know: 'likes'."


def test_a_header_is_required_with_date_and_platform(log, tmp_path):
    err = _error(log.import_csv, _csv(tmp_path, "2026-11-20,linkedin\n"))
    assert err.message == "The first line of posts.csv is not a header row."
    err = _error(log.import_csv, _csv(tmp_path, "date,text\n2026-11-20,hi\n"))
    assert err.message == "posts.csv has no 'platform' column."
    err = _error(log.import_csv, _csv(tmp_path, "date,platform,Date\n"))
    assert err.message == "posts.csv has the column 'date' twice."
    err = _error(log.import_csv, _csv(tmp_path, "date,platform\n\n"))
    assert err.message == "posts.csv has a header row (line 1) but no posts."


@pytest.mark.parametrize("text", ["", "\ufeff", "\n\n  \n"])
def test_an_empty_file(log, tmp_path, text):
    err = _error(log.import_csv, _csv(tmp_path, text))
    assert err.message == "posts.csv is empty."
    assert "date,time,platform,kind,theme,url,text" in err.hint


def test_a_file_that_is_not_utf8(log, tmp_path):
    path = _csv(tmp_path, "date,platform,text\n2026-11-20,x,Café\n", encoding="latin-1")
    err = _error(log.import_csv, path)
    assert err.message == "posts.csv is not UTF-8 text (byte 36 is not)."
    assert err.hint == "Save it as “CSV UTF-8” and import it again."


def test_a_missing_file_or_a_folder(log, tmp_path):
    err = _error(log.import_csv, tmp_path / "nope.csv")
    assert err.message == f"There is no file {tmp_path / 'nope.csv'}."
    err = _error(log.import_csv, tmp_path)
    assert err.message == f"{tmp_path} is a folder, not a CSV file."


def test_a_file_too_big(log, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as out:
        out.write(b"date,platform\n")
        out.truncate(MAX_CSV_BYTES + 1)
    err = _error(log.import_csv, path)
    assert err.message == "big.csv is 5.0 MB; Digwell imports CSV files of up to 5 MB."
    assert err.hint == "Split it into smaller files and import each."


def test_too_many_rows(log, tmp_path, monkeypatch):
    monkeypatch.setattr(posts_csv, "MAX_CSV_ROWS", 3)
    rows = "".join(f"2026-11-{n:02d},x\n" for n in range(1, 5))
    err = _error(log.import_csv, _csv(tmp_path, "date,platform\n" + rows))
    assert err.message == "posts.csv has more than 3 posts."
    assert log.count() == 0
    assert log.import_csv(_csv(tmp_path, "date,platform\n" + rows[: rows.index("2026-11-04")]))


def test_deleting_a_post_marked_from_a_draft_reopens_the_draft_and_undo_posts_it_again(
    planner, log
):
    draft = planner.drafting.new_draft([], text="From a draft.")
    post = planner.drafting.mark_posted(draft.id, "linkedin", "", None)
    deleted = log.delete(post.id)
    assert planner.drafting.draft(draft.id).state == "draft"
    log.restore(deleted)
    assert planner.drafting.draft(draft.id).state == "posted"
    assert planner.drafting.post_of_draft(draft.id).id == post.id
