"""LIX per section: the definition of words, sentences and units, without a database."""

from dataclasses import dataclass

import pytest

from guides.editorial import readability
from guides.editorial.readability import Lix, lix, lix_of_units, section_lix, section_units, sentences, words


@dataclass
class Child:
    block_type: str
    value: object


@dataclass
class FakeSection:
    heading: str
    content: list


class TestWordsAndSentences:
    def test_hyphenated_word_is_one_word(self):
        assert words("Meld dig ind i en a-kasse.") == ["Meld", "dig", "ind", "i", "en", "a-kasse"]

    def test_numbers_are_not_words(self):
        assert words("Fra 1. juli 2026 gælder 15.500 kr.") == ["Fra", "juli", "gælder", "kr"]

    def test_long_word_counts_letters_only(self):
        assert not readability.is_long("a-kasse")  # 6 letters
        assert readability.is_long("a-kassen")  # 7 letters
        assert readability.is_long("forskudsopgørelse")
        assert not readability.is_long("ledige")

    def test_full_stop_before_capital_ends_a_sentence(self):
        assert sentences("Du er ledig. Du skal melde dig.") == ["Du er ledig.", "Du skal melde dig."]

    def test_abbreviation_before_lower_case_does_not_end_a_sentence(self):
        assert len(sentences("Spørg fx. din a-kasse om det.")) == 1
        assert len(sentences("Du får ca. 15.500 kr. om måneden.")) == 1

    def test_question_exclamation_and_colon_end_sentences(self):
        assert len(sentences("Er du ledig? Så læs her! Husk: Det haster.")) == 4

    def test_a_unit_without_a_full_stop_is_a_sentence(self):
        assert lix_of_units(["Sådan bruger du guiden", "Meld dig ledig"]).sentences == 2


class TestScore:
    def test_lix_is_words_per_sentence_plus_long_word_percentage(self):
        # 10 words, 2 sentences, 2 long words (»arbejdsløs«, »dagpenge« has 8 letters)
        result = lix("Du er arbejdsløs nu. Du kan få dagpenge af os.")
        assert (result.words, result.sentences, result.long_words) == (10, 2, 2)
        assert result.score == pytest.approx(10 / 2 + 100 * 2 / 10)

    def test_no_text_scores_zero_and_is_too_short(self):
        assert Lix().score == 0
        assert Lix().level == readability.TOO_SHORT

    @pytest.mark.parametrize(
        ("words_", "sentences_", "long_", "level"),
        [
            (20, 2, 2, readability.EASY),  # 10 + 10 = 20
            (30, 2, 6, readability.MEDIUM),  # 15 + 20 = 35
            (30, 2, 9, readability.MEDIUM),  # 15 + 30 = 45: not above 45
            (30, 2, 10, readability.DIFFICULT),  # 15 + 33.3 = 48.3
            (9, 1, 9, readability.TOO_SHORT),  # fewer than 10 words are never flagged
        ],
    )
    def test_levels(self, words_, sentences_, long_, level):
        assert Lix(words_, sentences_, long_).level == level

    def test_only_above_45_is_difficult(self):
        assert not Lix(30, 2, 9).is_difficult
        assert Lix(30, 2, 10).is_difficult


class TestSectionUnits:
    def section(self):
        return FakeSection(
            heading="Penge mens du er ledig",
            content=[
                Child(
                    "rich_text",
                    "<h3>Dagpenge</h3><p>Du søger hos a-kassen. Det tager tid.</p>"
                    "<ul><li>Husk dit CV</li><li>Skriv joblog</li></ul>",
                ),
                Child(
                    "checklist",
                    {
                        "entries": [
                            {"text": "Meld dig ledig", "details": "Gør det på Jobnet."},
                            {"text": "Tjek din post", "details": ""},
                        ]
                    },
                ),
                Child(
                    "actors",
                    {
                        "heading": "Hvem gør hvad",
                        "actors": [{"name": "A-kassen", "role": "Betaler dagpenge."}],
                    },
                ),
                Child("self_service", {"label": "Gå til Jobnet", "description": "Her melder du dig."}),
                Child("callout", {"heading": "Husk", "text": "<p>Fristen er <b>kort</b>.</p>"}),
            ],
        )

    def test_every_heading_paragraph_item_and_field_is_a_unit(self):
        assert section_units(self.section()) == [
            "Penge mens du er ledig",
            "Dagpenge",
            "Du søger hos a-kassen. Det tager tid.",
            "Husk dit CV",
            "Skriv joblog",
            "Meld dig ledig",
            "Gør det på Jobnet.",
            "Tjek din post",
            "Hvem gør hvad",
            "A-kassen",
            "Betaler dagpenge.",
            "Gå til Jobnet",
            "Her melder du dig.",
            "Husk",
            "Fristen er kort.",
        ]

    def test_section_lix_counts_each_unit_as_at_least_one_sentence(self):
        result = section_lix(self.section())
        assert result.sentences == 16  # 15 units, one of them has two sentences
        assert result.words == sum(len(words(unit)) for unit in section_units(self.section()))

    def test_links_are_text_not_addresses(self):
        section = FakeSection(
            "Links", [Child("rich_text", '<p>Gå til <a href="https://www.jobnet.dk/">Jobnet</a>.</p>')]
        )
        assert section_units(section) == ["Links", "Gå til Jobnet."]

    def test_a_bureaucratic_section_is_difficult(self):
        section = FakeSection(
            "Dokumentationskrav",
            [
                Child(
                    "rich_text",
                    "<p>Arbejdsløshedsforsikringsordningens administrationsgrundlag forudsætter "
                    "dokumentationsindsendelse vedrørende kvalifikationsgrundlaget, beskæftigelsesrettede "
                    "aktiviteter og rådighedsvurderinger, inden ansøgningsfristens udløb indtræder, "
                    "medmindre kommunalbestyrelsen dispenserer.</p>",
                )
            ],
        )
        assert section_lix(section).score > readability.DIFFICULT_ABOVE
        assert section_lix(section).is_difficult
