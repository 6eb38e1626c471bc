import pytest

from app.store.settings import get_setting, set_setting


@pytest.mark.parametrize(
    "value",
    [3, 2.5, "text", "3", True, False, None, [1, "a"], {"name": "Alex", "n": [1, 2]}, ""],
)
def test_values_round_trip_with_their_types(db, planner, value):
    with db.transaction() as conn:
        set_setting(conn, "k", value)
    got = get_setting(db, "k", default="missing")
    assert got == value and type(got) is type(value)


def test_missing_setting_gives_the_default(db, planner):
    assert get_setting(db, "nope", 7) == 7
