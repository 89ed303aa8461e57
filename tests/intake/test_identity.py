from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from intake import (
    IntakeError,
    InvalidCreditCode,
    InvalidIdNumber,
    mask_id_number,
    mask_name,
    resident_id_check_digit,
    uscc_check_char,
    validate_credit_code,
    validate_resident_id,
)
from intake.identity import USCC_CHARSET
from ui_shared.error_text import error_text

TODAY = date(2026, 11, 25)

# (number, birth date, gender); the first is the standard's own example, the
# rest were computed with resident_id_check_digit and cross-checked by hand.
VALID_IDS = [
    ("11010519491231002X", date(1949, 12, 31), "女"),
    ("440304199001010011", date(1990, 1, 1), "男"),
    ("320583198512315612", date(1985, 12, 31), "男"),
    ("510107200002293828", date(2000, 2, 29), "女"),
    ("630122202611240510", date(2026, 11, 24), "男"),
    ("81000019750615123X", date(1975, 6, 15), "男"),
    ("110101190001010014", date(1900, 1, 1), "男"),
]


@pytest.mark.parametrize(("number", "birth", "gender"), VALID_IDS)
def test_valid_resident_ids(number: str, birth: date, gender: str) -> None:
    rid = validate_resident_id(number, today=TODAY)
    assert rid.number == number
    assert rid.region_code == number[:6]
    assert rid.birth_date == birth
    assert rid.gender == gender


def test_lowercase_x_and_blanks_are_normalised() -> None:
    assert validate_resident_id(" 11010519491231002x\n", today=TODAY).number == "11010519491231002X"


def test_gb11643_example_from_1880_has_right_check_digit_but_is_refused_by_date() -> None:
    # 440524188001010014 is the standard's worked example; its check digit is
    # right, but a living applicant born before 1900 is a typo, not a person.
    assert resident_id_check_digit("44052418800101001") == "4"
    with pytest.raises(InvalidIdNumber) as exc:
        validate_resident_id("440524188001010014", today=TODAY)
    assert exc.value.code == "id.birth_date"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "id.check_digit"),  # X expected
        ("440304199001010012", "id.check_digit"),
        ("110105199902300020", "id.birth_date"),  # 1999-02-30
        ("110105199913010020", "id.birth_date"),  # month 13
        ("110105189912310020", "id.birth_date"),  # before 1900
        ("630122202611260516", "id.birth_date"),  # after TODAY
        ("11010519491231002", "id.length"),
        ("11010519491231002X0", "id.length"),
        ("", "id.length"),
        ("1101051949123100AX", "id.charset"),
        ("X10105194912310020", "id.charset"),
        ("１１０１０５１９４９１２３１００２Ｘ", "id.charset"),  # full-width digits
        ("010105194912310020", "id.region"),
        ("910105194912310020", "id.region"),
    ],
)
def test_invalid_resident_ids(number: str, code: str) -> None:
    with pytest.raises(InvalidIdNumber) as exc:
        validate_resident_id(number, today=TODAY)
    assert exc.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error_text(exc.value))
    english = error_text(exc.value, english=True)
    assert english and english != exc.value.qualified_code and english.isascii()
    assert str(exc.value).isascii()  # the log detail is English


def test_check_digit_error_message_is_chinese() -> None:
    with pytest.raises(IntakeError) as exc:
        validate_resident_id("110105194912310021", today=TODAY)
    assert error_text(exc.value) == "身份证号码校验位错误，请核对号码"
    english = "The ID number's check digit is wrong; check the number"
    assert error_text(exc.value, english=True) == english


def test_resident_id_check_digit_rejects_bad_input() -> None:
    with pytest.raises(InvalidIdNumber):
        resident_id_check_digit("1234")
    with pytest.raises(InvalidIdNumber):
        resident_id_check_digit("1101051949123100X")


def test_age_on() -> None:
    rid = validate_resident_id("11010519491231002X", today=TODAY)
    assert rid.age_on(date(2029, 12, 30)) == 79
    assert rid.age_on(date(2029, 12, 31)) == 80


def test_today_defaults_to_the_real_date() -> None:
    assert validate_resident_id("11010519491231002X").gender == "女"


# --- property tests: resident ID ---------------------------------------------

regions = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("12345678"),
    st.text(alphabet=string.digits, min_size=5, max_size=5),
)
births = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
serials = st.text(alphabet=string.digits, min_size=3, max_size=3)


@st.composite
def valid_ids(draw: st.DrawFn) -> str:
    region: str = draw(regions)
    first17 = region + draw(births).strftime("%Y%m%d") + draw(serials)
    return first17 + resident_id_check_digit(first17)


@given(regions, births, serials)
def test_any_valid_date_with_computed_check_digit_validates(
    region: str, birth: date, serial: str
) -> None:
    first17 = region + birth.strftime("%Y%m%d") + serial
    rid = validate_resident_id(first17 + resident_id_check_digit(first17), today=TODAY)
    assert rid.birth_date == birth
    assert rid.gender == ("男" if int(serial[-1]) % 2 else "女")


@given(st.text(alphabet=string.digits, min_size=17, max_size=17))
def test_computed_check_digit_is_never_the_reason_for_rejection(first17: str) -> None:
    try:
        validate_resident_id(first17 + resident_id_check_digit(first17), today=TODAY)
    except InvalidIdNumber as e:
        assert e.code in {"id.region", "id.birth_date"}


@given(valid_ids(), st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_is_rejected(
    number: str, pos: int, data: st.DataObject
) -> None:
    alphabet = string.digits + ("X" if pos == 17 else "")
    replacement = data.draw(st.sampled_from(alphabet))
    assume(replacement != number[pos])
    changed = number[:pos] + replacement + number[pos + 1 :]
    # MOD 11-2 catches every single substitution, independent of the other checks.
    assert resident_id_check_digit(changed[:17]) != changed[17]
    with pytest.raises(InvalidIdNumber) as exc:
        validate_resident_id(changed, today=TODAY)
    if 6 <= pos < 14 or pos == 0:
        assert exc.value.code in {"id.check_digit", "id.birth_date", "id.region"}
    else:
        assert exc.value.code == "id.check_digit"


@given(valid_ids(), st.integers(min_value=0, max_value=16))
def test_adjacent_transpositions_are_caught(number: str, pos: int) -> None:
    # MOD 11-2 detects every transposition of two different adjacent digits.
    a, b = number[pos], number[pos + 1]
    assume(a != b and "X" not in (a, b))
    swapped = number[:pos] + b + a + number[pos + 2 :]
    with pytest.raises(InvalidIdNumber):
        validate_resident_id(swapped, today=TODAY)


# --- unified social credit code ----------------------------------------------

VALID_USCC = [
    "91350100M000100Y43",
    "91110000600037341L",
    "911100001000128855",
    "92330782MA2XYK120H",
    "91440300MA5DXXXX1R",
    "12100000400000624D",
    "52110000500021676T",
    "N2331082MF1234567X",
    "91110108MA01KPGW7K",
]


@pytest.mark.parametrize("code", VALID_USCC)
def test_valid_credit_codes(code: str) -> None:
    assert validate_credit_code(code) == code
    assert uscc_check_char(code[:17]) == code[17]


def test_credit_code_is_normalised_to_upper_case() -> None:
    assert validate_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91350100M000100Y44", "uscc.check_char"),
        ("91350100M000100Y4", "uscc.length"),
        ("91350100M000100Y433", "uscc.length"),
        ("91350100M000100I43", "uscc.charset"),  # I is excluded
        ("91350100O000100Y43", "uscc.charset"),  # O is excluded
        ("9135010SM000100Y43", "uscc.charset"),  # S is excluded
        ("01350100M000100Y43", "uscc.authority"),
        ("B1350100M000100Y43", "uscc.authority"),
        ("95350100M000100Y43", "uscc.type"),  # 工商 has types 1-3 only
        ("Y2350100M000100Y43", "uscc.type"),
        ("913501A0M000100Y43", "uscc.region"),
    ],
)
def test_invalid_credit_codes(code: str, error: str) -> None:
    with pytest.raises(InvalidCreditCode) as exc:
        validate_credit_code(code)
    assert exc.value.code == error
    assert error_text(exc.value)


def test_uscc_check_char_rejects_bad_input() -> None:
    with pytest.raises(InvalidCreditCode):
        uscc_check_char("91350100M000100Y")
    with pytest.raises(InvalidCreditCode):
        uscc_check_char("91350100M000100YI")


uscc_body = st.text(alphabet=USCC_CHARSET, min_size=9, max_size=9)
uscc_heads = st.sampled_from(["11", "12", "51", "52", "53", "91", "92", "93", "Y1", "N2"])


@st.composite
def valid_uscc(draw: st.DrawFn) -> str:
    first17 = (
        draw(uscc_heads)
        + draw(st.text(alphabet=string.digits, min_size=6, max_size=6))
        + draw(uscc_body)
    )
    return first17 + uscc_check_char(first17)


@given(valid_uscc())
def test_computed_credit_codes_validate(code: str) -> None:
    assert validate_credit_code(code) == code


@given(valid_uscc(), st.integers(min_value=0, max_value=17), st.data())
def test_any_single_character_change_of_credit_code_is_rejected(
    code: str, pos: int, data: st.DataObject
) -> None:
    replacement = data.draw(st.sampled_from(USCC_CHARSET))
    assume(replacement != code[pos])
    changed = code[:pos] + replacement + code[pos + 1 :]
    assert uscc_check_char(changed[:17]) != changed[17]
    with pytest.raises(InvalidCreditCode) as exc:
        validate_credit_code(changed)
    if pos >= 8:
        assert exc.value.code == "uscc.check_char"


# --- masking -----------------------------------------------------------------


def test_mask_id_number_examples() -> None:
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_id_number("91350100M000100Y43") == "9135**********0Y43"
    assert mask_id_number("E12345678") == "E1*****78"
    assert mask_id_number("123") == "***"
    assert mask_id_number("") == ""


def test_mask_name_examples() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_name("欧阳锋") == "欧**"
    assert mask_name("买买提·艾力") == "买*****"
    assert mask_name("") == ""


@given(valid_ids())
def test_masking_never_leaks_middle_digits(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[:4] == number[:4]
    assert masked[-4:] == number[-4:]
    assert masked[4:14] == "*" * 10


@given(st.text(alphabet=string.ascii_uppercase + string.digits, max_size=40))
def test_masking_never_shows_more_than_four_at_each_end(text: str) -> None:
    masked = mask_id_number(text)
    assert len(masked) == len(text)
    shown = [i for i, ch in enumerate(masked) if ch != "*"]
    assert all(i < 4 or i >= len(text) - 4 for i in shown)
    # Never more than half of a number is visible, however short it is.
    assert len(shown) <= len(text) // 2


@given(st.text(min_size=1, max_size=10).filter(lambda s: s.strip() == s and s))
def test_mask_name_keeps_only_the_first_character(name: str) -> None:
    masked = mask_name(name)
    assert masked[0] == name[0]
    assert masked[1:] == "*" * (len(name) - 1)


def test_mask_address_keeps_only_the_region() -> None:
    from intake.identity import mask_address

    assert mask_address("北京市朝阳区建国路88号院3号楼") == "北京市朝阳区****"
    assert mask_address("  短地址 ") == "短地址"
