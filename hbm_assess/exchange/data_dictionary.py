"""What every column of the HQ exports means: the "Columns" sheet of the workbook and ``data-dictionary.csv``.

One meaning per column name, shared by the workbook's headers and the CSV files' columns;
a test checks that every column written has one.
"""

from __future__ import annotations

MEANINGS: dict[str, str] = {
    # places
    "Country": "ISO 3166-1 alpha-2 code of the country.",
    "Governorate P-code": "OCHA P-code of the governorate (admin level 1) of the site.",
    "Governorate": "Name of the governorate, from the app's reference list of crossing points, by its P-code.",
    "Crossing point id": "The app's stable code of the crossing point (empty for a site typed by hand).",
    "Site": "Name of the site as assessed (a crossing point, checkpoint, or the place of a workshop).",
    "Site type": "land, air, sea or internal (a checkpoint between governorates).",
    "Latitude": "Latitude of the site, WGS 84 decimal degrees (empty when unknown).",
    "Longitude": "Longitude of the site, WGS 84 decimal degrees (empty when unknown).",
    "Scope": "What the assessment covers: crossing-point, governorate or national.",
    # assessment
    "Date": "Date of the assessment, YYYY-MM-DD.",
    "Assessment id": "Number of the assessment in this database.",
    "Assessment uuid": "Identifier of the assessment that stays the same across databases and files.",
    "Status": "draft or final; a draft is provisional.",
    "Revision": "How many times the assessment was revised (1 for the first).",
    "Workshop group": "The break-out group whose laptop held this copy, where one (else empty).",
    "Assessed by": "Names of the assessors, separated by '; '. Personal data: share the file with care.",
    "Questionnaire": "Id of the questionnaire (form) the assessment answers.",
    "Questionnaire version": "Version of that questionnaire.",
    # indicator and answer
    "Area id": "Code of the capacity area (REG, OPS, INF, ADM, COO).",
    "Area": "Title of the area in the workbook's language.",
    "Indicator": "Id of the indicator in the assessment's questionnaire version.",
    "Lined-up indicator": "Id(s) the indicator is compared under across versions (a renamed one lines up with its "
                          "newest id), space-separated.",
    "Indicator label": "The indicator in the workbook's language.",
    "Compared": "1 when every selected version of the questionnaire asks the indicator, so the app's figures "
                "count it; 0 otherwise.",
    "Answer": "scored, na (not applicable), unknown or unanswered: the same codes in every language and export.",
    "Level": "Capacity level 1-5 (1 no, 2 limited, 3 developed, 4 demonstrated, 5 sustainable); empty unless scored.",
    "Target": "Target level: the one entered (never below the level), else the indicator's default, else one level "
              "up (at most 5); empty unless scored.",
    "Gap": "Target minus level; empty unless scored.",
    "Evidence type": "Code of the kind of evidence (law, SOP, observation, interview, exercise report, photo...).",
    "Confidence": "How sure the assessors were of the level (code).",
    "Evidence reference": "Where the evidence is found: a document, article, file or link.",
    "Evidence": "What the evidence says, as the assessors wrote it.",
    "Notes": "The assessors' notes on the indicator.",
    "Indicator scope": "post: compared post by post (the Sites and Areas sheets count it); national: a national "
                       "matter (law, national body or system), shown once per country on the National sheet.",
    # national indicators
    "Level source": "national: the level of the country's newest final national assessment; posts: no such "
                    "assessment, so the mean of the posts' own views of the national matter.",
    "National assessment id": "Number of the national assessment the level comes from (empty for posts).",
    "National assessment date": "Date of that national assessment (empty for posts).",
    "Mean of the posts' views": "Mean level the posts' latest assessments gave the national indicator.",
    "Posts scoring it": "Number of posts whose latest assessment scored the national indicator.",
    # summaries
    "Weakest first": "Position of the site when sites are ordered by mean level, lowest first.",
    "Assessments": "Number of assessments behind the figure.",
    "Latest assessment": "Date of the site's latest assessment in the selection.",
    "Scored answers": "Number of answers with a level (Not applicable and Unknown are never scores).",
    "Mean level": "Mean of every scored answer behind the figure.",
    "Mean gap": "Mean of the gaps of every scored answer behind the figure.",
    "Sites": "Number of sites behind the figure.",
    "Not applicable": "Answers marked Not applicable (never counted as scores).",
    "Unknown": "Answers marked Unknown (never counted as scores).",
    "(one column per area)": "Mean level of the site in that area, over every scored answer of the area.",
}
AREA_MEAN_COLUMN = "(one column per area)"

# The CSV files' columns (codes, snake_case) in the words of the workbook's headers.
CSV_NAMES: dict[str, str] = {
    "assessment_id": "Assessment id", "uuid": "Assessment uuid", "site_code": "Crossing point id",
    "site_name": "Site", "country": "Country", "adm1_pcode": "Governorate P-code", "site_type": "Site type",
    "latitude": "Latitude", "longitude": "Longitude", "scope": "Scope", "date": "Date", "revision": "Revision",
    "form_id": "Questionnaire", "form_version": "Questionnaire version", "workshop_group": "Workshop group",
    "assessed_by": "Assessed by", "area_id": "Area id", "indicator_id": "Indicator",
    "lined_up": "Lined-up indicator", "compared": "Compared", "level": "Level", "target": "Target", "gap": "Gap",
    "evidence_type": "Evidence type", "confidence": "Confidence", "evidence_reference": "Evidence reference",
    "evidence_text": "Evidence", "notes": "Notes", "indicator_scope": "Indicator scope", "source": "Level source",
    "national_assessment_id": "National assessment id", "national_assessment_date": "National assessment date",
    "posts_mean": "Mean of the posts' views", "posts": "Posts scoring it",
}
CSV_MEANINGS: dict[tuple[str, str], str] = {
    ("answers.csv", "status"): "scored, na (not applicable), unknown or unanswered.",
    ("assessments.csv", "status"): "draft or final; a draft is provisional.",
    ("assessments.csv", "updated_at"): "When the assessment was last changed (UTC, ISO 8601).",
    ("crossing_points.csv", "neighbour"): "ISO 3166-1 code of the country across the border (empty inside).",
}
LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "ckb": "Kurdish Sorani"}


def meaning(column: str, file: str = "") -> str:
    """What a column means; ``file`` is a CSV file's name for its snake_case columns. KeyError if none is known."""
    if (file, column) in CSV_MEANINGS:
        return CSV_MEANINGS[(file, column)]
    if column in MEANINGS:
        return MEANINGS[column]
    if column in CSV_NAMES:
        return MEANINGS[CSV_NAMES[column]]
    stem, _, language = column.rpartition("_")
    if language in LANGUAGE_NAMES:
        what = {"name": "Name of the crossing point", "governorate": "Name of its governorate",
                "area": "Title of the area", "label": "The indicator's text"}[stem]
        return f"{what} in {LANGUAGE_NAMES[language]}."
    raise KeyError(column)
