"""sitegen.models.scalars and .fields: dates and moments, repeating schedules, and the rules across fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from sitegen.models.fields import Schedule
from sitegen.models.scalars import parse_date, parse_moment

CONTEXT = {"category": ("libur", "rapat"), "audience": ("kelas-9", "orang-tua")}


def schedule(**fields: str | list[str]) -> Schedule:
    """A valid schedule from YAML-like text fields (category 'rapat' unless given)."""
    return Schedule.model_validate({"category": "rapat", **fields}, context=CONTEXT)


def rule_broken(**fields: str | list[str]) -> tuple[str, dict[str, Any]]:
    """The code and context of the one rule these fields break."""
    with pytest.raises(ValidationError) as caught:
        schedule(**fields)
    [problem] = caught.value.errors()
    return problem["type"], problem.get("ctx", {})


def refused(parse: Any, text: Any) -> tuple[str, dict[str, Any] | None]:
    with pytest.raises(PydanticCustomError) as caught:
        parse(text)
    return caught.value.type, caught.value.context


# --- parse_date ----------------------------------------------------------------------------


def test_parse_date_reads_year_month_day() -> None:
    assert parse_date("2026-12-05") == date(2026, 12, 5)


def test_parse_date_ignores_surrounding_spaces() -> None:
    assert parse_date("  2026-12-05 ") == date(2026, 12, 5)


def test_parse_date_accepts_february_29_of_a_leap_year() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)


@pytest.mark.parametrize(
    "text", ["2026-13-01", "2026-02-29", "2026-12-32", "0000-01-01", "31/02/2026", "2026-1-5", "31 Februari 2026",
             "2026-12-05 08:00", "besok", "9999-12-31", "1066-10-14"],
)
def test_parse_date_refuses_anything_but_a_real_yyyy_mm_dd_date(text: str) -> None:
    assert refused(parse_date, text) == ("date_invalid", {"value": text.strip()})


@pytest.mark.parametrize("value", [None, "", "  "])
def test_parse_date_of_an_empty_value_says_empty(value: str | None) -> None:
    assert refused(parse_date, value) == ("empty", {})


def test_parse_date_of_a_list_says_not_text() -> None:
    assert refused(parse_date, ["2026-12-05"]) == ("not_text", {})


# --- parse_moment --------------------------------------------------------------------------


def test_parse_moment_of_a_date_is_an_all_day_date() -> None:
    moment = parse_moment("2026-12-05")
    assert moment == date(2026, 12, 5)
    assert not isinstance(moment, datetime)


@pytest.mark.parametrize("text", ["2026-12-05 08:00", "2026-12-05T08:00", "2026-12-05 08.00", "2026-12-05 8:00"])
def test_parse_moment_of_a_date_and_time_is_a_naive_local_datetime(text: str) -> None:
    assert parse_moment(text) == datetime(2026, 12, 5, 8, 0)


def test_parse_moment_accepts_the_last_minute_of_the_day() -> None:
    assert parse_moment("2026-12-31 23:59") == datetime(2026, 12, 31, 23, 59)


@pytest.mark.parametrize("text", ["2026-13-01", "31/6/2026", "2026-12-05 25:00", "2026-12-05 24:00",
                                  "2026-12-05 08:60", "2026-12-05  08:00", "2026-12-05 08:00:00", "pukul 8"])
def test_parse_moment_refuses_an_impossible_or_misspelled_moment(text: str) -> None:
    assert refused(parse_moment, text) == ("moment_invalid", {"value": text})


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("5/12/2026", "2026-12-05"), ("05-12-2026", "2026-12-05"), ("5 Desember 2026", "2026-12-05"),
     ("Sabtu, 5 Desember 2026", "2026-12-05"), ("17 Agustus 2026", "2026-08-17"), ("2 mei 2027", "2027-05-02")],
)
def test_parse_date_shows_a_day_first_or_worded_date_as_it_must_be_written(text: str, suggestion: str) -> None:
    assert refused(parse_date, text) == ("date_words", {"value": text, "suggestion": suggestion})


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("1/7/2026", "2026-07-01"), ("5 Desember 2026 pukul 08.00", '"2026-12-05 08:00"'),
     ("5 Des 2026 8.30 WIB", '"2026-12-05 08:30"'), ("“2026-12-05 08:00”", '"2026-12-05 08:00"')],
)
def test_parse_moment_shows_a_worded_or_curly_quoted_moment_as_it_must_be_written(text: str, suggestion: str) -> None:
    code = "curly_quotes" if "“" in text else "date_words"
    assert refused(parse_moment, text) == (code, {"value": text, "suggestion": suggestion})


@pytest.mark.parametrize("text", ["10:30", "8.00"])
def test_parse_moment_of_a_time_alone_says_the_date_is_missing(text: str) -> None:
    assert refused(parse_moment, text) == ("time_without_date", {"value": text})


@pytest.mark.parametrize("text", ["25:00", "10:75"])
def test_parse_moment_of_an_impossible_time_alone_says_it_is_invalid(text: str) -> None:
    assert refused(parse_moment, text) == ("moment_invalid", {"value": text})


# --- series_days -----------------------------------------------------------------------------


def test_a_single_event_has_one_day_in_its_series() -> None:
    assert schedule(start="2026-12-05").series_days() == (date(2026, 12, 5),)


def test_a_weekly_series_runs_every_seven_days_through_until() -> None:
    days = schedule(start="2026-12-05", repeat="weekly", until="2026-12-26").series_days()
    assert days == (date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19), date(2026, 12, 26))


def test_a_weekly_series_stops_before_an_until_that_is_not_a_series_day() -> None:
    days = schedule(start="2026-12-05", repeat="weekly", until="2026-12-18").series_days()
    assert days == (date(2026, 12, 5), date(2026, 12, 12))


def test_a_weekly_series_of_a_timed_event_lists_days() -> None:
    days = schedule(start="2026-12-05 08:00", end="2026-12-05 10:00", repeat="weekly",
                    until="2026-12-12").series_days()
    assert days == (date(2026, 12, 5), date(2026, 12, 12))


def test_a_monthly_series_on_the_31st_skips_months_without_a_31st_as_rfc_5545_does() -> None:
    days = schedule(start="2027-01-31", repeat="monthly", until="2027-12-31").series_days()
    assert days == (date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31), date(2027, 7, 31),
                    date(2027, 8, 31), date(2027, 10, 31), date(2027, 12, 31))


def test_a_monthly_series_on_the_15th_has_every_month() -> None:
    days = schedule(start="2026-11-15", repeat="monthly", until="2027-02-15").series_days()
    assert days == (date(2026, 11, 15), date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15))


def test_a_daily_series_crosses_the_new_year_and_includes_until() -> None:
    days = schedule(start="2026-12-30", repeat="daily", until="2027-01-02").series_days()
    assert days == (date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2))


def test_a_series_whose_until_is_its_start_has_one_day() -> None:
    assert schedule(start="2026-12-05", repeat="daily", until="2026-12-05").series_days() == (date(2026, 12, 5),)


def test_except_dates_stay_in_series_days() -> None:
    days = schedule(start="2026-12-05", repeat="weekly", until="2026-12-19", **{"except": ["2026-12-12"]}).series_days()
    assert days == (date(2026, 12, 5), date(2026, 12, 12), date(2026, 12, 19))


def test_end_day_is_the_last_day_an_event_touches() -> None:
    assert schedule(start="2026-12-05 19:00", end="2026-12-06 01:00").end_day == date(2026, 12, 6)
    assert schedule(start="2026-12-05").end_day == date(2026, 12, 5)


def test_all_day_is_true_for_a_date_and_false_for_a_time() -> None:
    assert schedule(start="2026-12-05").all_day
    assert not schedule(start="2026-12-05 08:00").all_day


# --- rules across fields ---------------------------------------------------------------------


def test_an_end_equal_to_the_start_is_accepted() -> None:
    assert schedule(start="2026-12-05 08:00", end="2026-12-05 08:00").end == datetime(2026, 12, 5, 8, 0)


def test_an_end_day_before_the_start_day_breaks_end_before_start() -> None:
    assert rule_broken(start="2026-12-05", end="2026-12-04") == (
        "end_before_start", {"field": "end", "start": "2026-12-05", "end": "2026-12-04"})


def test_an_end_time_before_the_start_time_breaks_end_before_start() -> None:
    code, context = rule_broken(start="2026-12-05 08:00", end="2026-12-05 07:59")
    assert (code, context["field"], context["end"]) == ("end_before_start", "end", "2026-12-05 07:59")


def test_a_date_end_with_a_timed_start_breaks_end_kind_mismatch() -> None:
    assert rule_broken(start="2026-12-05 08:00", end="2026-12-05") == ("end_kind_mismatch", {"field": "end"})


def test_a_timed_end_with_an_all_day_start_breaks_end_kind_mismatch() -> None:
    assert rule_broken(start="2026-12-05", end="2026-12-05 10:00") == ("end_kind_mismatch", {"field": "end"})


@pytest.mark.parametrize("mode", ["online", "hybrid"])
def test_an_online_or_hybrid_mode_without_online_url_breaks_online_url_required(mode: str) -> None:
    assert rule_broken(start="2026-12-05", mode=mode) == (
        "online_url_required", {"field": "online_url", "at": "mode", "mode": mode})


def test_an_online_mode_with_online_url_is_accepted() -> None:
    assert schedule(start="2026-12-05", mode="online", online_url="https://meet.example/abc").mode == "online"


def test_rescheduled_without_previous_start_breaks_previous_start_required() -> None:
    assert rule_broken(start="2026-12-05", status="rescheduled") == (
        "previous_start_required", {"field": "previous_start", "at": "status"})


def test_repeat_without_until_breaks_until_required() -> None:
    assert rule_broken(start="2026-12-05", repeat="weekly") == ("until_required", {"field": "until", "at": "repeat"})


def test_until_without_repeat_breaks_until_without_repeat() -> None:
    assert rule_broken(start="2026-12-05", until="2026-12-26") == ("until_without_repeat", {"field": "until"})


def test_except_without_repeat_breaks_until_without_repeat_for_except() -> None:
    assert rule_broken(start="2026-12-05", **{"except": ["2026-12-12"]}) == (
        "until_without_repeat", {"field": "except"})


def test_until_before_the_start_day_breaks_until_before_start() -> None:
    assert rule_broken(start="2026-12-05 08:00", repeat="weekly", until="2026-12-04") == (
        "until_before_start", {"field": "until", "until": "2026-12-04", "start": "2026-12-05 08:00"})


def test_an_except_date_outside_the_series_names_its_index_and_the_two_nearest_days() -> None:
    assert rule_broken(start="2026-12-05", repeat="weekly", until="2027-01-30",
                       **{"except": ["2026-12-12", "2026-12-15"]}) == (
        "except_not_in_series",
        {"field": "except", "index": "1", "value": "2026-12-15", "nearby": "2026-12-12, 2026-12-19"},
    )


def test_an_except_date_before_the_series_names_the_first_two_days() -> None:
    code, context = rule_broken(start="2026-12-05", repeat="weekly", until="2027-01-30",
                                **{"except": ["2026-11-01"]})
    assert (code, context["nearby"]) == ("except_not_in_series", "2026-12-05, 2026-12-12")


def test_an_unknown_category_names_the_categories_of_the_context() -> None:
    assert rule_broken(start="2026-12-05", category="liburan") == (
        "category_unknown", {"value": "liburan", "allowed": "libur, rapat"})


def test_an_unknown_audience_names_the_audiences_of_the_context() -> None:
    assert rule_broken(start="2026-12-05", audience=["orang-tua", "guru"]) == (
        "audience_unknown", {"value": "guru", "allowed": "kelas-9, orang-tua"})


def test_a_single_audience_written_as_text_is_a_one_item_list() -> None:
    assert schedule(start="2026-12-05", audience="kelas-9").audience == ("kelas-9",)


def test_an_unknown_field_is_forbidden() -> None:
    with pytest.raises(ValidationError) as caught:
        schedule(start="2026-12-05", catgory="rapat")
    assert [(p["type"], p["loc"]) for p in caught.value.errors()] == [("extra_forbidden", ("catgory",))]


def test_a_schedule_is_frozen() -> None:
    item = schedule(start="2026-12-05")
    with pytest.raises(ValidationError):
        item.start = date(2026, 12, 6)  # type: ignore[misc]
