"""The Personen list by reference and page: the same people in the same order as list_people."""

from patenbuero.services.privacy.directory import entries_for, list_people, people_refs
from patenbuero.services.privacy.refs import SubjectRef


def test_refs_are_list_peoples_order_with_and_without_a_search(demo_db) -> None:
    for search in ("", "muller", "mueller thiele", "example.org", "A1", "nobody-like-this"):
        assert people_refs(demo_db, search) == [e.ref for e in list_people(demo_db, search)]


def test_a_page_reads_just_its_entries_and_leaves_out_one_that_is_gone(demo_db) -> None:
    everyone = list_people(demo_db, "")
    page = [e.ref for e in everyone[::7]]
    assert {ref.kind for ref in page} == {"person", "inquiry", "contact"}
    gone = SubjectRef("person", 10**9)
    found = entries_for(demo_db, [*page, gone])
    assert found == {e.ref: e for e in everyone[::7]}
    assert gone not in found
