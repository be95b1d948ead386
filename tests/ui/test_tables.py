"""The table reads the window is built on: counts, SQL sorting and filtering, and the same
figures as the services' own lists."""

from __future__ import annotations

from console.services.app import Services
from console.services.tables import ALL_INCIDENTS, TableQuery


def test_demo_counts(demo: Services) -> None:
    counts = {t: len(demo.tables.ids(t, TableQuery()))
              for t in ("systems", "outages", "tasks", "decisions", "log")}
    assert counts == {"systems": 429, "outages": 64, "tasks": 45, "decisions": 16, "log": 152}


def test_outage_rows_agree_with_the_outage_service(demo: Services) -> None:
    """Grade and status computed in SQL equal the grading rule applied in Python."""
    listed = {row.id: row for row in demo.outages.list()}
    ids = demo.tables.ids("outages", TableQuery())
    rows = demo.tables.rows("outages", ids)
    assert set(rows) == set(listed)
    for outage_id, row in rows.items():
        assert (row["grade"], row["status"], row["code"]) == (
            listed[outage_id].grade, listed[outage_id].status, listed[outage_id].code)


def test_sort_and_filter_in_sql(demo: Services) -> None:
    by_grade = demo.tables.ids("outages", TableQuery(sort="grade", descending=True))
    grades = [r["grade"] for r in map(demo.tables.rows("outages", by_grade).get, by_grade)]
    assert grades == sorted(grades, reverse=True)
    citizen = demo.tables.ids("outages", TableQuery().with_filter("category", "citizen"))
    assert len(citizen) == 38
    grade_one = demo.tables.ids("systems", TableQuery().with_filter("grade", "1"))
    assert all(r["grade"] == 1 for r in demo.tables.rows("systems", grade_one).values())
    found = demo.tables.ids("systems", TableQuery(search="SEO-0108"))
    assert [demo.tables.rows("systems", found)[i]["code"] for i in found] == ["SEO-0108"]
    # LIKE wildcards typed by a person are literal text.
    assert demo.tables.ids("systems", TableQuery(search="%")) == []
    assert len(demo.tables.ids("log", TableQuery().with_filter("incident", ALL_INCIDENTS))) \
        == 152


def test_details(demo: Services) -> None:
    outage_id = demo.tables.ids("outages", TableQuery())[0]
    detail = demo.tables.outage_detail(outage_id)
    assert detail.events[0][1] == "down"
    system = demo.tables.system_detail(detail.row["system_id"])
    assert system.row["code"] == detail.row["code"]
    task_id = demo.tables.ids("tasks", TableQuery())[0]
    assert demo.tables.task_detail(task_id).events[0][1] == "open"


def test_details_name_people_as_the_roster_does(demo: Services) -> None:
    """The detail panes show who recorded each event by name and position, not login id."""
    shown = {u.name: u.display_name for u in demo.accounts.users()}
    logins = set(shown)
    outages = [demo.tables.outage_detail(i) for i in demo.tables.ids("outages", TableQuery())]
    authors = {e[4] for d in outages for e in d.events} | {
        e.author for d in outages for e in d.estimates}
    tasks = [demo.tables.task_detail(i) for i in demo.tables.ids("tasks", TableQuery())[:10]]
    authors |= {e[3] for d in tasks for e in d.events}
    authors.discard(None)
    assert authors and not authors & logins, authors & logins
    assert authors <= set(shown.values())


def test_head_is_the_start_of_the_full_order(demo: Services) -> None:
    """The count and the first ids a view shows at once agree with the whole list, for every
    sort column (index walk) and for searches and filters (scan)."""
    for table in ("systems", "outages", "log"):
        for key in demo.tables.columns(table):
            for descending in (False, True):
                query = TableQuery(sort=key, descending=descending)
                every = demo.tables.ids(table, query)
                count, head = demo.tables.head(table, query, 10)
                assert (count, head) == (len(every), every[:10]), (table, key, descending)
    for query in (TableQuery(search="SEO-01", sort="name"),
                  TableQuery(sort="department").with_filter("grade", "2"),
                  TableQuery(sort="grade", descending=True).with_filter("category", "citizen")):
        every = demo.tables.ids("systems", query)
        assert demo.tables.head("systems", query, 10) == (len(every), every)


def test_the_model_shows_the_head_then_every_id(make_window) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import settle

    window = make_window("controller", "en", "systems")
    page = window.pages["systems"]
    model = page.model
    model.HEAD = 50
    kept = model.id_at(300)
    page.select_row(300)
    heads: list[int] = []
    model.loaded.connect(lambda: heads.append(len(model.ids())))
    model.reload()
    settle(window)
    assert heads == [50] and model.complete and model.rowCount() == 429
    assert model.ids() == window.context.services.tables.ids("systems", model.query)
    assert page.selected_id() == kept  # chosen again once the whole list arrived


def test_search_reaches_department_and_facility_names(demo: Services) -> None:
    systems = demo.inventory.systems()
    in_department = {s.id for s in systems if s.department == "디지털도시국"}
    in_facility = {s.id for s in systems if s.facility == "국가정보자원관리원 대전센터"}
    found = set(demo.tables.ids("systems", TableQuery(search="디지털도시국")))
    assert in_department and in_department <= found
    assert set(demo.tables.ids("systems", TableQuery(search="대전센터"))) == in_facility
    outages = {o.id for o in demo.outages.list() if o.department == "디지털도시국"}
    assert set(demo.tables.ids("outages", TableQuery(search="디지털도시국",
                                                     filters=(("incident", ALL_INCIDENTS),)))) >= outages

