import { z } from 'zod';

/**
 * The bodies a resident can take a complaint to after the landlord's process, with their contact
 * details as data: dated, each from a named source, and shared by every policy that names the body,
 * so that correcting a phone number here corrects every letter and page at once.
 *
 * Check each against its source when a body announces a change; `checkedOn` says when it last was.
 */

export interface ExternalBody {
  name: string;
  /** What it is, in a few words residents understand. */
  role: string;
  website: string;
  /** Where a resident starts a complaint online, when the body has a form. */
  onlineForm?: string;
  phone?: string;
  post?: string;
  /** Only where the body takes new complaints by e-mail. */
  email?: string;
  /** Anything a resident must know to reach it, e.g. that it no longer takes complaints by e-mail. */
  note?: string;
  checkedOn: string;
  source: string;
}

export const EXTERNAL_BODY_IDS = [
  'housing-ombudsman',
  'psow',
  'nipso',
  'spso',
  'lgsco',
  'care-inspectorate',
  'first-tier-tribunal-property',
  'first-tier-tribunal-scotland-housing',
] as const;
export type ExternalBodyId = (typeof EXTERNAL_BODY_IDS)[number];
export const externalBodyIdSchema = z.enum(EXTERNAL_BODY_IDS);

export const EXTERNAL_BODIES: Readonly<Record<ExternalBodyId, ExternalBody>> = {
  'housing-ombudsman': {
    name: 'Housing Ombudsman Service',
    role: 'the independent Ombudsman for social housing complaints in England',
    website: 'https://www.housing-ombudsman.org.uk',
    onlineForm: 'https://www.housing-ombudsman.org.uk/residents/make-a-complaint/',
    phone: '0300 111 3000',
    post: 'Housing Ombudsman Service, PO Box 1484, Unit D, Preston, PR2 0ET',
    // "From 13 January 2026, we no longer accept new case enquiries by email. Please use our online
    // complaint form to bring a complaint to us." (the Ombudsman's site banner)
    note: 'Since 13 January 2026 it no longer takes new complaints by e-mail: use its online form, or phone',
    checkedOn: '2026-12-04',
    source: 'https://www.housing-ombudsman.org.uk/?p=133640',
  },
  psow: {
    name: 'Public Services Ombudsman for Wales',
    role: 'the independent Ombudsman for complaints about public services, including social landlords, in Wales',
    website: 'https://www.ombudsman.wales',
    phone: '0300 790 0203',
    post: 'Public Services Ombudsman for Wales, 1 Ffordd yr Hen Gae, Pencoed, CF35 5LJ',
    email: 'ask@ombudsman.wales',
    checkedOn: '2026-12-04',
    source: 'https://www.ombudsman.wales/fact-sheets/complaining-to-us-by-phone/',
  },
  nipso: {
    name: 'Northern Ireland Public Services Ombudsman',
    role: 'the independent Ombudsman for complaints about public services, including social housing, in Northern Ireland',
    website: 'https://www.nipso.org.uk',
    phone: '0800 34 34 24',
    email: 'nipso@nipso.org.uk',
    checkedOn: '2026-12-04',
    source: 'https://nipso.org.uk/make-complaint/make-complaint-about-us',
  },
  spso: {
    name: 'Scottish Public Services Ombudsman',
    role: 'the independent Ombudsman for complaints about public services, including social landlords, in Scotland',
    website: 'https://www.spso.org.uk',
    onlineForm: 'https://www.spso.org.uk/complain/form',
    phone: '0800 377 7330',
    post: 'Freepost SPSO (no stamp needed)',
    checkedOn: '2026-12-04',
    source: 'https://www.mygov.scot/complain-social-security-scotland/unhappy-with-complaint-response',
  },
  lgsco: {
    name: 'Local Government and Social Care Ombudsman',
    role: 'the independent Ombudsman for complaints about adult social care in England',
    website: 'https://www.lgo.org.uk',
    phone: '0300 061 0614',
    post: 'Local Government and Social Care Ombudsman, PO Box 4771, Coventry, CV4 0EH',
    checkedOn: '2026-12-04',
    source:
      'https://www.staffordshire.gov.uk/contact-complaints-and-compliments/complaints/make-complaint/local-government-and-social-care',
  },
  'care-inspectorate': {
    name: 'Care Inspectorate',
    role: 'the regulator of care services in Scotland, which takes complaints about them',
    website: 'https://www.careinspectorate.scot',
    phone: '0345 600 9527',
    checkedOn: '2026-12-04',
    source: 'https://www.careinspectorate.com/index.php/complaints',
  },
  'first-tier-tribunal-property': {
    name: 'First-tier Tribunal (Property Chamber)',
    role: 'the tribunal that decides disputes about leasehold service charges in England',
    website: 'https://www.gov.uk/courts-tribunals/first-tier-tribunal-property-chamber',
    note: 'Apply to the regional tribunal office for the area the property is in',
    checkedOn: '2026-12-04',
    source:
      'https://www.gov.uk/government/publications/service-and-administration-charges-and-management-matters-t541',
  },
  'first-tier-tribunal-scotland-housing': {
    name: 'First-tier Tribunal for Scotland (Housing and Property Chamber)',
    role: 'the tribunal that decides disputes about property factors’ charges and services in Scotland',
    website: 'https://www.housingandpropertychamber.scot',
    post: 'Housing and Property Chamber, Glasgow Tribunals Centre, 20 York Street, Glasgow, G2 8GT',
    email: 'HPCADMIN@scotcourtstribunals.gov.uk',
    checkedOn: '2026-12-04',
    source: 'https://housingandpropertychamber.scot/news/update-2-impact-covid-19-pandemic',
  },
};

/** A body a policy names that is not in the list above (e.g. a council that commissions a service). */
export const customExternalBodySchema = z.object({
  name: z.string().trim().min(1),
  role: z.string().trim().min(1).optional(),
  contact: z.string().trim().min(1),
});
export type CustomExternalBody = z.infer<typeof customExternalBodySchema>;

/** One line of contact details, for plain-text letters and lists. */
export function contactLine(body: ExternalBody | CustomExternalBody): string {
  if ('contact' in body) return body.contact;
  return [
    body.onlineForm ? `online: ${body.onlineForm}` : `web: ${body.website}`,
    body.phone ? `phone: ${body.phone}` : undefined,
    body.email ? `e-mail: ${body.email}` : undefined,
    body.post ? `post: ${body.post}` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join('; ');
}
