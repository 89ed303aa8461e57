"""Intake errors (``intake.errors``), worded by their qualified code.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

INTAKE: dict[str, str] = {
    "intake.id.first17": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The first 17 characters of a resident ID number must be digits",
    ),
    "intake.id.length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A resident ID number has 18 characters; this one has {length}",
    ),
    "intake.id.charset": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A resident ID number is made of digits; only the last may be X",
    ),
    "intake.id.region": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The region code (first six digits) of the ID number is not valid",
    ),
    "intake.id.check_digit": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The ID number's check digit is wrong; check the number",
    ),
    "intake.id.check_digit[foreign]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The permanent residence ID's check digit is wrong; check the number",
    ),
    "intake.id.birth_date": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The birth date in the ID number is not a valid date",
    ),
    "intake.id.birth_date[future]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The birth date in the ID number is later than today",
    ),
    "intake.id.birth_date[before_1900]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The birth date in the ID number is before 1900",
    ),
    "intake.id.hmt_region": QT_TRANSLATE_NOOP(
        "ErrorText",
        "An HK/Macao/Taiwan residence permit number starts with 810000, 820000 or 830000",
    ),
    "intake.id.format": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The {kind} number has the wrong format (e.g. {example})",
    ),
    "intake.kind.resident": QT_TRANSLATE_NOOP("ErrorText", "Resident ID card"),
    "intake.kind.household_register": QT_TRANSLATE_NOOP("ErrorText", "Household register"),
    "intake.kind.birth_certificate": QT_TRANSLATE_NOOP("ErrorText", "Birth certificate"),
    "intake.kind.foreign_permanent": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Foreign permanent residence ID",
    ),
    "intake.kind.hk_macao_taiwan_permit": QT_TRANSLATE_NOOP(
        "ErrorText",
        "HK/Macao/Taiwan residence permit",
    ),
    "intake.kind.hk_macao_travel": QT_TRANSLATE_NOOP("ErrorText", "HK/Macao travel permit"),
    "intake.kind.taiwan_travel": QT_TRANSLATE_NOOP("ErrorText", "Taiwan travel permit"),
    "intake.uscc.first17": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The first 17 characters of the credit code contain characters that are not allowed",
    ),
    "intake.uscc.length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A unified social credit code has 18 characters; this one has {length}",
    ),
    "intake.uscc.charset": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The credit code contains characters that are not allowed: {chars} (I, O, Z, S and V are never used)",  # noqa: E501
    ),
    "intake.uscc.authority": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The first character of the credit code (registration authority) is not valid",
    ),
    "intake.uscc.type": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The second character of the credit code (institution type) is not valid",
    ),
    "intake.uscc.region": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Characters 3 to 8 of the credit code (region code) must be digits",
    ),
    "intake.uscc.check_char": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The credit code's check character is wrong; check the code",
    ),
    "intake.applicant.id_kind": QT_TRANSLATE_NOOP("ErrorText", "Unknown type of identity document"),
    "intake.applicant.mobile": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A mobile number has 11 digits, starting with 1 and then 3 to 9",
    ),
    "intake.applicant.legal_name": QT_TRANSLATE_NOOP("ErrorText", "Enter the organisation's name"),
    "intake.applicant.agent_relation": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Choose the agent's relation to the applicant",
    ),
    "intake.applicant.name": QT_TRANSLATE_NOOP("ErrorText", "Enter the name"),
    "intake.applicant.id_number": QT_TRANSLATE_NOOP("ErrorText", "Enter the document number"),
    "intake.applicant.gender_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The gender does not match the ID number",
    ),
    "intake.applicant.birth_date_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The birth date does not match the ID number",
    ),
    "intake.applicant.malformed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The applicant's data is malformed",
    ),
    "intake.applicant.not_sighted": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Before typing the identity in, check the original document and tick “original sighted”",
    ),
    "intake.applicant.needs_legal_entity": QT_TRANSLATE_NOOP(
        "ErrorText",
        "“{item_en}” is a legal-entity service: the applicant must be an organisation (with a unified social credit code)",  # noqa: E501
    ),
    "intake.applicant.needs_person": QT_TRANSLATE_NOOP(
        "ErrorText",
        "“{item_en}” is a personal service: the applicant must be a person (with a resident ID number)",  # noqa: E501
    ),
    "intake.card_expired": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The ID card expired on {valid_until}; use a valid document",
    ),
    "intake.draft.bad_page": QT_TRANSLATE_NOOP("ErrorText", "The page reference is not valid"),
    "intake.draft.no_such_page": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The page to delete does not exist",
    ),
    "intake.draft.no_applicant": QT_TRANSLATE_NOOP("ErrorText", "Enter the applicant first"),
    "intake.draft.missing_materials": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Required materials are still missing: {materials_en}",
    ),
    "intake.manifest.malformed": QT_TRANSLATE_NOOP("ErrorText", "The case data is malformed"),
    "intake.acceptance.key_missing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Key materials cannot be owed: {materials_en}",
    ),
    "intake.acceptance.key_missing[none]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Nothing is missing that could be owed",
    ),
    "intake.acceptance.no_commitment": QT_TRANSLATE_NOOP(
        "ErrorText",
        "These materials cannot be replaced by a commitment: {materials_en}",
    ),
    "intake.acceptance.no_commitment[none]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Nothing is missing that a commitment could replace",
    ),
    "intake.receipt.station": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The station code is not valid: letters and digits only",
    ),
    "intake.receipt.seq": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The receipt sequence number is not valid",
    ),
    "intake.receipt.malformed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The receipt number is malformed; it looks like S001-20261125-0001",
    ),
    "intake.no_printer": QT_TRANSLATE_NOOP("ErrorText", "No receipt printer is configured"),
    "intake.catalog.unknown_material": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The service “{item_en}” has no material {material}",
    ),
    "intake.catalog.unknown_item": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The service catalog (version {version}) has no service {item}",
    ),
    "intake.catalog.malformed": QT_TRANSLATE_NOOP("ErrorText", "The service catalog is malformed"),
    "intake.catalog.malformed[unknown_keys]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The service catalog has fields we do not know",
    ),
    "intake.catalog.malformed[where]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Service catalog data error: {where} is malformed",
    ),
    "intake.catalog.version": QT_TRANSLATE_NOOP("ErrorText", "The service catalog has no version"),
    "intake.catalog.items": QT_TRANSLATE_NOOP("ErrorText", "The service catalog holds no services"),
    "intake.catalog.duplicate_item": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The service code {item} appears twice",
    ),
    "intake.catalog.field": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Service catalog data error: the field {key} of {where} is not valid",
    ),
    "intake.catalog.field[missing]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Service catalog data error: {where} lacks the fields {keys}",
    ),
    "intake.catalog.field[unknown]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Service catalog data error: {where} has unknown fields {keys}",
    ),
    "intake.catalog.duplicate_material": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The material code {material} appears twice in service {item}",
    ),
    "intake.catalog.no_required_material": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Service {item} needs at least one required material",
    ),
    "intake.catalog.calendar": QT_TRANSLATE_NOOP("ErrorText", "The holiday calendar is malformed"),
    "intake.catalog.refusal_reasons": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The refusal reasons are malformed",
    ),
    "intake.session.no_switch": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No change of service is waiting for confirmation",
    ),
    "intake.session.no_material": QT_TRANSLATE_NOOP("ErrorText", "Choose a material first"),
    "intake.session.no_page": QT_TRANSLATE_NOOP("ErrorText", "The page to move does not exist"),
    "intake.session.collection": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The way to collect the result is not valid",
    ),
    "intake.session.no_applicant": QT_TRANSLATE_NOOP("ErrorText", "Enter the applicant first"),
    "intake.session.defects": QT_TRANSLATE_NOOP(
        "ErrorText",
        "A material is marked unusable; deal with it first",
    ),
    "intake.session.storing": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Pages are still being saved; please wait",
    ),
    "intake.session.refusal_reason": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Choose a reason for the refusal",
    ),
    "intake.session.wrong_phase": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This cannot be done at the current step",
    ),
    "intake.session.no_item": QT_TRANSLATE_NOOP("ErrorText", "Choose a service first"),
    "intake.typed.too_long": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Too long: at most {limit} characters, {length} typed. Shorten it; what you typed "
        "is kept.",
    ),
    "intake.followup.not_requested": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This case needs no supplement now",
    ),
    "intake.followup.no_pages": QT_TRANSLATE_NOOP("ErrorText", "Add the supplement's pages first"),
    "intake.followup.material": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The material does not belong to this service",
    ),
    "intake.followup.not_ready": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This case is not finished yet or was already collected",
    ),
    "intake.followup.role": QT_TRANSLATE_NOOP("ErrorText", "The collector's role is not valid"),
    "intake.followup.relation": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Enter the agent's relation to the applicant",
    ),
    "intake.followup.done": QT_TRANSLATE_NOOP("ErrorText", "This case was already collected"),
    "intake.followup.not_commitment": QT_TRANSLATE_NOOP(
        "ErrorText", "This case was not accepted on a commitment: no commitment form is needed"
    ),
    "intake.followup.commitment_form_exists": QT_TRANSLATE_NOOP(
        "ErrorText", "The signed commitment form of this case has already been captured"
    ),
    "intake.followup.commitment_no_pages": QT_TRANSLATE_NOOP(
        "ErrorText", "Add the commitment form's pages first"
    ),
    "intake.import.type": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Only image files can be imported (JPG, PNG, TIFF)",
    ),
    "intake.import.unreadable": QT_TRANSLATE_NOOP("ErrorText", "Cannot read this file"),
    "intake.import.too_large": QT_TRANSLATE_NOOP("ErrorText", "The file is too large (over 25 MB)"),
    "intake.import.not_image": QT_TRANSLATE_NOOP(
        "ErrorText",
        "This file is not an image we can read",
    ),
    "intake.import.too_many_pixels": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The image resolution is too high",
    ),
    "intake.import.too_small": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The image resolution is too low to read",
    ),
    "intake.kiosk.not_yours": QT_TRANSLATE_NOOP("ErrorText", "Your case was not found"),
    "intake.kiosk.not_finished": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The case is not finished yet, so it cannot be evaluated",
    ),
    "intake.kiosk.rating": QT_TRANSLATE_NOOP("ErrorText", "Choose a rating"),
    "intake.kiosk.reasons": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Reasons are chosen only when you are not satisfied",
    ),
    "intake.kiosk.reasons[unknown]": QT_TRANSLATE_NOOP("ErrorText", "The reason is not valid"),
    "intake.kiosk.evaluated": QT_TRANSLATE_NOOP("ErrorText", "This case was already evaluated"),
    "intake.kiosk.print_limit": QT_TRANSLATE_NOOP(
        "ErrorText",
        "That is as many as can be printed for now; for more, please ask at the window",
    ),
    "intake.pad.rating": QT_TRANSLATE_NOOP("ErrorText", "Choose a rating"),
    "intake.pad.reasons": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Reasons are chosen only when you are not satisfied",
    ),
    "intake.pad.reasons[unknown]": QT_TRANSLATE_NOOP("ErrorText", "The reason is not valid"),
    "intake.pad.evaluated": QT_TRANSLATE_NOOP("ErrorText", "This case was already evaluated"),
}
