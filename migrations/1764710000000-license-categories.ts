import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the state requirement gaps need.
 *
 * 1. `license_category(text)`: the category of a member's free-text license type ("R.N.", "Licensed Vocational
 *    Nurse"...) as the codes the state rules name, or null when not recognised. IMMUTABLE, so gaps are computed
 *    set-based in SQL. Generated from libs/compliance/src/requirements/license-categories.ts (the gaps e2e suite
 *    checks this text is what the table generates): a change of the table is a new migration that replaces the functions.
 * 2. The licensed members in the gaps list's order (license expiry, none last; then id): a page is read from it and
 *    stops once full, instead of sorting every licensed member of the organization.
 */
export const LICENSE_CATEGORY_FUNCTIONS = `CREATE FUNCTION license_category_of_key(key text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN '{
    "rn": "RN", "registerednurse": "RN", "registeredprofessionalnurse": "RN", "professionalnurse": "RN",
    "rnbsn": "RN", "rnmsn": "RN", "bsnrn": "RN", "msnrn": "RN", "rnbc": "RN", "rnc": "RN",
    "staffnurse": "RN",
    "lpn": "LPN", "licensedpracticalnurse": "LPN", "practicalnurse": "LPN",
    "lvn": "LVN", "licensedvocationalnurse": "LVN", "vocationalnurse": "LVN",
    "aprn": "APRN", "apn": "APRN", "arnp": "APRN", "advancedpracticeregisterednurse": "APRN",
    "advancedregisterednursepractitioner": "APRN", "advancedpracticenurse": "APRN", "np": "APRN",
    "nursepractitioner": "APRN", "fnp": "APRN", "fnpc": "APRN", "fnpbc": "APRN", "aprncnp": "APRN",
    "aprnfnp": "APRN", "aprncns": "APRN", "aprncrna": "APRN", "aprncnm": "APRN", "crna": "APRN",
    "certifiedregisterednurseanesthetist": "APRN", "cnm": "APRN", "certifiednursemidwife": "APRN",
    "cns": "APRN", "clinicalnursespecialist": "APRN",
    "md": "MD", "physician": "MD", "medicaldoctor": "MD", "doctorofmedicine": "MD", "physicianmd": "MD",
    "allopathicphysician": "MD", "mbbs": "MD",
    "do": "DO", "doctorofosteopathicmedicine": "DO", "osteopathicphysician": "DO", "osteopath": "DO",
    "physiciando": "DO",
    "pa": "PA", "pac": "PA", "physicianassistant": "PA", "physicianassociate": "PA",
    "certifiedphysicianassistant": "PA", "physicianassistantcertified": "PA",
    "rph": "RPH", "pharmacist": "RPH", "pharmd": "RPH", "registeredpharmacist": "RPH",
    "clinicalpharmacist": "RPH", "licensedpharmacist": "RPH",
    "dds": "DDS", "dmd": "DDS", "dentist": "DDS", "doctorofdentalsurgery": "DDS",
    "doctorofdentalmedicine": "DDS",
    "rdh": "RDH", "dentalhygienist": "RDH", "registereddentalhygienist": "RDH",
    "rt": "RT", "rrt": "RT", "crt": "RT", "rcp": "RT", "respiratorytherapist": "RT",
    "respiratorycarepractitioner": "RT", "registeredrespiratorytherapist": "RT",
    "certifiedrespiratorytherapist": "RT",
    "mrt": "MRT", "rtr": "MRT", "rtrct": "MRT", "rtrm": "MRT", "rtrmr": "MRT",
    "radiologictechnologist": "MRT", "medicalradiologictechnologist": "MRT", "radiographer": "MRT",
    "xraytechnologist": "MRT",
    "perfusionist": "PERFUSIONIST", "ccp": "PERFUSIONIST", "licensedperfusionist": "PERFUSIONIST",
    "certifiedclinicalperfusionist": "PERFUSIONIST",
    "lac": "LAC", "acupuncturist": "LAC", "licensedacupuncturist": "LAC",
    "dc": "DC", "chiropractor": "DC", "doctorofchiropractic": "DC", "chiropracticphysician": "DC",
    "lmt": "LMT", "cmt": "LMT", "massagetherapist": "LMT", "licensedmassagetherapist": "LMT",
    "nha": "NHA", "lnha": "NHA", "nursinghomeadministrator": "NHA",
    "licensednursinghomeadministrator": "NHA",
    "ot": "OT", "otr": "OT", "otrl": "OT", "occupationaltherapist": "OT",
    "registeredoccupationaltherapist": "OT",
    "od": "OD", "optometrist": "OD", "doctorofoptometry": "OD",
    "pt": "PT", "dpt": "PT", "mpt": "PT", "physicaltherapist": "PT", "doctorofphysicaltherapy": "PT",
    "dpm": "DPM", "podiatrist": "DPM", "podiatricphysician": "DPM", "doctorofpodiatricmedicine": "DPM",
    "rd": "RD", "rdn": "RD", "ld": "RD", "ldn": "RD", "rdld": "RD", "dietitian": "RD", "dietician": "RD",
    "registereddietitian": "RD", "registereddietitiannutritionist": "RD", "licenseddietitian": "RD",
    "licenseddietitiannutritionist": "RD", "dietitiannutritionist": "RD", "nutritionist": "RD",
    "sw": "SW", "lsw": "SW", "lcsw": "SW", "lmsw": "SW", "lisw": "SW", "socialworker": "SW",
    "licensedsocialworker": "SW", "clinicalsocialworker": "SW", "licensedclinicalsocialworker": "SW",
    "licensedmastersocialworker": "SW",
    "emt": "EMT", "emtb": "EMT", "emtbasic": "EMT", "aemt": "EMT", "emergencymedicaltechnician": "EMT",
    "paramedic": "PARAMEDIC", "emtp": "PARAMEDIC", "nrp": "PARAMEDIC", "licensedparamedic": "PARAMEDIC",
    "cna": "CNA", "certifiednursingassistant": "CNA", "certifiednurseaide": "CNA", "nurseaide": "CNA",
    "nursingassistant": "CNA"
  }'::jsonb ->> key;

CREATE FUNCTION license_category(license_type text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(
    license_category_of_key(lower(regexp_replace(license_type, '[^A-Za-z0-9]+', '', 'g'))),
    license_category_of_key(lower(regexp_replace(substring(license_type FROM '^[^,(;]*'), '[^A-Za-z0-9]+', '', 'g'))));
`;

export class LicenseCategories1764710000000 implements MigrationInterface {
  name = 'LicenseCategories1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(LICENSE_CATEGORY_FUNCTIONS);
    await q.query(`
      CREATE INDEX memberships_license_due_idx
        ON memberships (organization_id, (coalesce(license_expires_on, 'infinity'::date)), id)
        WHERE license_state IS NOT NULL AND status <> 'deactivated';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX memberships_license_due_idx;
      DROP FUNCTION license_category(text);
      DROP FUNCTION license_category_of_key(text);
    `);
  }
}
