"""sitegen.load.yamlload.load_yaml: every scalar stays text, every key and list item knows its line."""

from __future__ import annotations

import pytest

from sitegen.errors import BuildFailed, SiteError
from sitegen.load.yamlload import load_yaml


def refused(text: str, first_line: int = 1) -> SiteError:
    """The one problem load_yaml raises for `text`."""
    with pytest.raises(BuildFailed) as caught:
        load_yaml(text, "x.yaml", first_line)
    [problem] = caught.value.errors
    return problem


# --- scalars stay text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["NO", "no", "yes", "on", "off", "true", "False", "10:30", "007", "0x1F", "1e3", "3.14", "null", "~",
     "2026-12-05", ".inf"],
)
def test_a_scalar_that_yaml_1_1_would_convert_stays_the_text_as_written(written: str) -> None:
    assert load_yaml(f"value: {written}\n", "x.yaml").data == {"value": written}


def test_norway_stays_no_in_a_list() -> None:
    assert load_yaml("countries: [NO, ID, SE]\n", "x.yaml").data == {"countries": ["NO", "ID", "SE"]}


def test_an_empty_value_becomes_none() -> None:
    assert load_yaml("summary:\ntitle: Rapat\n", "x.yaml").data == {"summary": None, "title": "Rapat"}


def test_an_empty_quoted_value_stays_an_empty_text() -> None:
    assert load_yaml("summary: ''\n", "x.yaml").data == {"summary": ""}


def test_a_quoted_value_loses_its_quotes() -> None:
    assert load_yaml('start: "2026-12-05 08:00"\n', "x.yaml").data == {"start": "2026-12-05 08:00"}


def test_the_non_specific_tag_is_allowed_and_gives_text() -> None:
    assert load_yaml("title: ! Rapat\n", "x.yaml").data == {"title": "Rapat"}


def test_block_scalars_keep_their_lines() -> None:
    data = load_yaml("a: |\n  satu\n  dua\nb: >\n  satu\n  dua\n", "x.yaml").data
    assert data == {"a": "satu\ndua\n", "b": "satu dua\n"}


def test_nested_lists_and_mappings_are_plain_lists_and_dicts() -> None:
    data = load_yaml("a: [x, y]\nb: {c: d}\n", "x.yaml").data
    assert data == {"a": ["x", "y"], "b": {"c": "d"}}


def test_an_empty_text_is_no_data() -> None:
    assert load_yaml("", "x.yaml").data is None


def test_a_text_of_comments_only_is_no_data() -> None:
    assert load_yaml("# hanya komentar\n", "x.yaml").data is None


def test_an_explicit_document_start_is_one_document() -> None:
    doc = load_yaml("---\na: 1\n", "x.yaml")
    assert doc.data == {"a": "1"}
    assert doc.lines[("a",)] == 2


# --- lines ------------------------------------------------------------------------------------


def test_every_key_and_list_item_has_its_line() -> None:
    doc = load_yaml(
        "title: Rapat\n"  # 1
        "audience:\n"  # 2
        "  - orang-tua\n"  # 3
        "  - kelas-9\n"  # 4
        "attachments:\n"  # 5
        "  - title: Jadwal\n"  # 6
        "    file: files/jadwal.pdf\n",  # 7
        "x.yaml",
    )
    assert doc.lines == {
        (): 1,
        ("title",): 1,
        ("audience",): 2,
        ("audience", 0): 3,
        ("audience", 1): 4,
        ("attachments",): 5,
        ("attachments", 0): 6,
        ("attachments", 0, "title"): 6,
        ("attachments", 0, "file"): 7,
    }


def test_first_line_shifts_every_line_as_in_front_matter() -> None:
    doc = load_yaml("title: Rapat\nstart: 2026-12-05\n", "content/events/rapat.md", first_line=2)
    assert doc.lines == {(): 2, ("title",): 2, ("start",): 3}


def test_items_of_a_flow_list_share_the_line_of_the_key() -> None:
    doc = load_yaml("title: Rapat\nexcept: [2026-12-12, 2026-12-19]\n", "x.yaml")
    assert (doc.lines[("except", 0)], doc.lines[("except", 1)]) == (2, 2)


def test_line_of_a_missing_field_is_the_line_of_its_nearest_ancestor() -> None:
    doc = load_yaml("entries:\n  - title: A\n  - title: B\n", "x.yaml", first_line=1)
    assert doc.line_of(("entries", 1, "start")) == 3
    assert doc.line_of(("nothing", "here")) == 1


def test_the_source_is_kept_for_messages() -> None:
    assert load_yaml("a: 1\n", "content/calendars/x.yaml").source == "content/calendars/x.yaml"


# --- refused YAML -----------------------------------------------------------------------------


def test_a_duplicate_key_is_refused_on_the_second_line_naming_the_first() -> None:
    assert refused("title: A\nstart: 2026-12-05\ntitle: B\n") == SiteError(
        "x.yaml", 3, "title", "yaml_duplicate_key", (("first_line", "1"), ("key", "title"))
    )


def test_a_duplicate_key_in_a_nested_mapping_names_its_path() -> None:
    assert refused("entries:\n  - title: A\n    title: B\n", first_line=5) == SiteError(
        "x.yaml", 7, "entries.0.title", "yaml_duplicate_key", (("first_line", "6"), ("key", "title"))
    )


def test_the_same_key_in_two_list_items_is_not_a_duplicate() -> None:
    data = load_yaml("entries:\n  - title: A\n  - title: B\n", "x.yaml").data
    assert data == {"entries": [{"title": "A"}, {"title": "B"}]}


def test_an_anchor_is_refused_on_its_line() -> None:
    assert refused("a: 1\nb: &x 2\n") == SiteError("x.yaml", 2, "b", "yaml_anchor")


def test_an_alias_is_refused_on_its_line() -> None:
    assert refused("a: 1\nb: *x\n") == SiteError("x.yaml", 2, "b", "yaml_anchor")


def test_an_anchored_list_item_is_refused_with_its_index() -> None:
    assert refused("a:\n  - x\n  - &y z\n") == SiteError("x.yaml", 3, "a.1", "yaml_anchor")


def test_a_merge_key_with_an_alias_is_refused() -> None:
    problem = refused("base: &b {x: 1}\nother:\n  <<: *b\n")
    assert (problem.line, problem.code) == (1, "yaml_anchor")


def test_a_python_tag_is_refused() -> None:
    assert refused("a: !!python/object/apply:os.system [ls]\n") == SiteError(
        "x.yaml", 1, "a", "yaml_tag", (("tag", "!!python/object/apply:os.system"),)
    )


def test_a_standard_tag_such_as_int_is_refused() -> None:
    assert refused("a: !!int 3\n").code == "yaml_tag"


def test_a_local_tag_is_refused_as_written() -> None:
    assert refused("a:\n  b: !rahasia x\n") == SiteError("x.yaml", 2, "a.b", "yaml_tag", (("tag", "!rahasia"),))


def test_a_tag_on_a_mapping_is_refused() -> None:
    assert refused("a: !!set {x, y}\n").code == "yaml_tag"


def test_a_second_document_is_refused_on_its_separator_line() -> None:
    assert refused("a: 1\n---\nb: 2\n", first_line=2) == SiteError("x.yaml", 3, None, "yaml_many_documents")


def test_a_document_end_marker_alone_is_one_document() -> None:
    assert load_yaml("a: 1\n...\n", "x.yaml").data == {"a": "1"}


def test_a_complex_key_is_refused_as_not_name_value_fields() -> None:
    assert refused("? [a, b]\n: c\n") == SiteError("x.yaml", 1, None, "yaml_not_mapping")


def test_a_colon_in_a_value_is_located_and_the_quoted_value_shown() -> None:
    assert refused("title: Rapat: penting\n", first_line=2) == SiteError(
        "x.yaml", 2, None, "yaml_colon", (("example", 'title: "Rapat: penting"'),)
    )


def test_a_syntax_error_without_words_of_our_own_keeps_the_parser_problem() -> None:
    problem = refused("a: b\n@c: d\n")
    assert (problem.line, problem.code) == (2, "yaml_syntax")
    assert dict(problem.params)["problem"] == "found character that cannot start any token"


def test_a_tab_in_indentation_is_a_located_syntax_error() -> None:
    problem = refused("audience:\n\t- orang-tua\n")
    assert (problem.line, problem.code) == (2, "yaml_tab")
