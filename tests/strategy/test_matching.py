import pytest

from app.strategy.matching import Match, Matcher, ThemeTerms, fold

PLATFORM = ThemeTerms(1, ("internal developer platform", "kubernetes", "platform"))
LEADERSHIP = ThemeTerms(2, ("mentor", "engineering manager"), excluded=("hiring",))


def matched(keyword: str, title: str = "", text: str = "") -> bool:
    return bool(Matcher([ThemeTerms(7, (keyword,))]).match(title, text))


# fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kubernetes at SCALE", "kubernetes at scale"),
        (
            "  developer-platform,\tthe  platform's\nteam! ",
            "developer platform the platform s team",
        ),
        ("Café naïve RÉSUMÉ", "cafe naive resume"),
        ("Straße ẞ", "strasse ss"),
        ("cafe\u0301", "cafe"),  # decomposed é
        ("It’s “serverless” — again…", "it s serverless again"),
        ("Ｋ８Ｓ web3 snake_case", "k8s web3 snake case"),
        ("Команда ПЛАТФОРМЫ", "команда платформы"),
        ("", ""),
        (" ... ", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


# Words, phrases and where they are found


def test_a_summary_word_scores_one_third_and_a_title_word_three_fifths():
    matcher = Matcher([ThemeTerms(1, ("kubernetes",))])
    assert matcher.match("", "We run Kubernetes.") == (
        Match(1, 1 / 3, (("kubernetes", "summary"),)),
    )
    assert matcher.match("Kubernetes!", "") == (Match(1, 3 / 5, (("kubernetes", "title"),)),)


def test_a_term_in_title_and_summary_counts_once_for_the_title():
    matcher = Matcher([ThemeTerms(1, ("kubernetes",))])
    both = matcher.match("Kubernetes tips", "Kubernetes, kubernetes and more kubernetes")
    assert both == (Match(1, 3 / 5, (("kubernetes", "title"),)),)


def test_a_phrase_weighs_one_and_a_half_words():
    matcher = Matcher([ThemeTerms(1, ("developer platform",))])
    assert matcher.match("", "our developer platform") == (
        Match(1, 1.5 / 3.5, (("developer platform", "summary"),)),
    )
    assert matcher.match("Our developer platform", "") == (
        Match(1, 4.5 / 6.5, (("developer platform", "title"),)),
    )


def test_a_phrase_needs_its_words_together_and_in_order():
    assert matched("developer platform", text="a developer-platform story")
    assert matched("developer platform", text="the Developer Platforms team")
    assert not matched("developer platform", text="a developer of a platform")
    assert not matched("developer platform", text="platform developer")
    assert not matched("developer platform", text="developer")


def test_terms_add_up_and_are_listed_heaviest_first_then_as_the_user_listed_them():
    matcher = Matcher([PLATFORM])
    matches = matcher.match(
        "Kubernetes upgrades", "How an internal developer platform helps the platform team"
    )
    # title word 3 + summary phrase 1.5 + summary word 1 = 5.5
    assert matches == (
        Match(
            1,
            5.5 / 7.5,
            (
                ("kubernetes", "title"),
                ("internal developer platform", "summary"),
                ("platform", "summary"),
            ),
        ),
    )


def test_equal_weights_keep_the_users_order():
    matcher = Matcher([ThemeTerms(1, ("zebra", "apple", "mango"))])
    (match,) = matcher.match("", "mango apple zebra")
    assert match.terms == (("zebra", "summary"), ("apple", "summary"), ("mango", "summary"))
    assert match.relevance == 3 / 5


def test_themes_come_best_first():
    matcher = Matcher([PLATFORM, LEADERSHIP])
    matches = matcher.match("How to mentor", "on kubernetes")
    assert [(m.theme_id, m.relevance) for m in matches] == [(2, 3 / 5), (1, 1 / 3)]


def test_themes_with_the_same_score_come_by_theme_id():
    matcher = Matcher([ThemeTerms(9, ("rust",)), ThemeTerms(3, ("go",)), ThemeTerms(5, ("zig",))])
    matches = matcher.match("", "Go, Zig or Rust?")
    assert [m.theme_id for m in matches] == [3, 5, 9]
    assert {m.relevance for m in matches} == {1 / 3}


def test_an_item_matching_nothing_gives_nothing():
    assert Matcher([PLATFORM, LEADERSHIP]).match("Cooking pasta", "with tomatoes") == ()


# Excluded words


def test_an_excluded_word_anywhere_vetoes_its_theme_only():
    matcher = Matcher([PLATFORM, LEADERSHIP])
    assert [m.theme_id for m in matcher.match("How to mentor", "on kubernetes")] == [2, 1]
    assert [m.theme_id for m in matcher.match("How to mentor", "while Hiring")] == []
    assert [m.theme_id for m in matcher.match("Hiring: how to mentor", "kubernetes")] == [1]


def test_excluded_words_match_like_keywords():
    theme = ThemeTerms(1, ("platform",), excluded=("gaming console", "crypto"))
    matcher = Matcher([theme])
    assert matcher.match("Platform", "for Gaming-Consoles") == ()  # phrase, hyphen, plural
    assert matcher.match("Platform", "cryptos") == ()
    assert matcher.match("Platform", "cryptography, gaming and consoles") != ()


# Inflections


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("platform", "platforms"),
        ("platforms", "platform"),
        ("policy", "policies"),
        ("policies", "policy"),
        ("process", "processes"),
        ("processes", "process"),
        ("cache", "caches"),
        ("caches", "cache"),
        ("APIs", "api"),
        ("API", "APIs"),
        ("mentor", "mentoring"),
        ("mentor", "mentored"),
        ("mentor", "mentors"),
        ("mentors", "mentoring"),
        ("scale", "scaling"),
        ("scale", "scaled"),
        ("scale", "scales"),
        ("deploy", "deployed"),
        ("ship", "shipping"),
        ("commit", "committed"),
        ("developer platform", "developer platforms"),
        ("developer platforms", "developer platform"),
        ("site reliability", "Site-Reliability"),
    ],
)
def test_inflections_match(keyword, text):
    assert matched(keyword, text=text)


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        ("ai", "maintain"),
        ("ai", "AIs"),  # 1-2 letters: only as written
        ("go", "google"),
        ("go", "going"),
        ("scale", "scalar"),
        ("scaling", "scale"),  # -ing and -ed are not taken off
        ("evening", "even"),
        ("news", "new"),
        ("status", "statu"),
        ("platform", "platformer"),
        ("platform", "replatform"),
        ("k8s", "k8"),  # digits: only as written
        ("web3", "web3s"),
        ("developer platforms", "developers platform"),  # only the last word of a phrase
    ],
)
def test_no_match_beyond_the_listed_inflections(keyword, text):
    assert not matched(keyword, text=text)


def test_digits_are_part_of_words():
    assert matched("k8s", text="Running K8s at home")
    assert matched("web3", text="Web3 is back")
    assert not matched("web", text="Web3 is back")


# Punctuation, possessives, accents


def test_possessives_and_hyphens_separate_words():
    assert matched("platform", text="the platform's roadmap")
    assert matched("platform", text="the platform’s roadmap")
    assert matched("platform", text="a platform-engineering team")
    assert matched("platform engineering", text="a platform-engineering team")
    assert matched("platform's roadmap", text="The Platform’s Roadmap")


def test_accents_fold_both_ways():
    assert matched("café", text="CAFE culture")
    assert matched("cafe", text="Café culture")
    assert matched("CAFÉ", text="cafe\u0301 culture")  # é decomposed
    assert matched("Straße", text="strasse")
    assert matched("strasse", text="STRASSE and Straße")
    assert matched("résumé", title="Resume tips")


def test_non_latin_words():
    assert matched("платформа", text="Наша Платформа, и её команда")
    assert not matched("платформа", text="платформами")  # inflections are English only


def test_smart_punctuation_separates_words():
    assert matched("serverless", text="“Serverless”—again…")


# Keywords


def test_duplicate_keywords_count_once_as_first_written():
    matcher = Matcher([ThemeTerms(1, ("Kubernetes", "kubernetes", " KUBERNETES ", "Kubérnetes"))])
    assert matcher.match("", "kubernetes") == (Match(1, 1 / 3, (("Kubernetes", "summary"),)),)


def test_blank_keywords_are_ignored():
    matcher = Matcher([ThemeTerms(1, ("", "  ", "--", "rust"), excluded=("", " "))])
    assert matcher.match("", "rust") == (Match(1, 1 / 3, (("rust", "summary"),)),)


def test_a_theme_without_keywords_matches_nothing():
    matcher = Matcher([ThemeTerms(1, ()), ThemeTerms(2, (), excluded=("rust",))])
    assert matcher.match("rust", "rust") == ()


def test_no_themes_match_nothing():
    assert Matcher([]).match("Kubernetes", "platform") == ()


def test_empty_title_and_text():
    matcher = Matcher([PLATFORM, LEADERSHIP])
    assert matcher.match("", "") == ()
    assert [m.theme_id for m in matcher.match("", "kubernetes")] == [1]
    assert [m.theme_id for m in matcher.match("kubernetes", "")] == [1]


def test_many_terms_approach_but_never_reach_one():
    keywords = tuple(f"word{n}" for n in range(20))
    (match,) = Matcher([ThemeTerms(1, keywords)]).match(" ".join(keywords), "")
    assert match.relevance == 60 / 62
    assert len(match.terms) == 20
