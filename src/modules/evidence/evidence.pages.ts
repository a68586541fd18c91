import { z } from 'zod';
import { rolesAllowedTo } from '../../domain/access/permissions.ts';
import { MAX_EVIDENCE_BYTES } from '../../domain/evidence/evidence.ts';
import { formErrorsFrom, type FormErrors, type FormValues } from '../../platform/web/forms.ts';
import { pageRoutes, type PageResult, type PageRoute } from '../../platform/web/page-route.ts';
import { caseParams } from '../casework/case.pages.ts';
import { getCasePage } from '../casework/get-case-page.use-case.ts';
import { PATHS } from '../staff/staff-layout.ts';
import type { StaffPrincipal } from '../staff/staff-principal.ts';
import { addEvidence } from './add-evidence.use-case.ts';
import type { EvidenceDeps } from './deps.ts';
import { downloadEvidence } from './download-evidence.use-case.ts';

const pages = pageRoutes<StaffPrincipal>();
const roles = rolesAllowedTo('view-cases');
const evidenceParams = caseParams.extend({ evidenceId: z.uuid() });
const caseHref = (reference: string) => `${PATHS.cases}/${encodeURIComponent(reference)}`;

/** The "Add evidence" form, with any errors (a file input cannot be refilled: the name is said). */
async function evidenceForm(
  deps: EvidenceDeps,
  principal: StaffPrincipal,
  reference: string,
  values: FormValues,
  errors: FormErrors | null = null,
): Promise<PageResult> {
  const { view } = await getCasePage(deps, principal.organisationId, reference);
  return {
    view: 'evidence/new.njk',
    status: errors ? 400 : 200,
    data: {
      reference: view.reference,
      caseHref: caseHref(view.reference),
      values,
      errors,
      maxMegabytes: MAX_EVIDENCE_BYTES / 1024 / 1024,
    },
  };
}

/** Attaching documents and photos to a case, and downloading them: for everyone who works on cases. */
export function evidencePages(deps: EvidenceDeps): PageRoute<StaffPrincipal>[] {
  return [
    pages.staff({
      method: 'GET',
      path: `${PATHS.cases}/:reference/evidence/new`,
      roles,
      params: caseParams,
      handler: ({ principal, params }) => evidenceForm(deps, principal, params.reference, {}),
    }),
    pages.staff({
      method: 'POST',
      path: `${PATHS.cases}/:reference/evidence/new`,
      roles,
      params: caseParams,
      handler: async ({ principal, params, form, files }) => {
        try {
          await addEvidence(deps, principal, params.reference, files.file ?? null, form.description);
        } catch (error) {
          const errors = formErrorsFrom(error);
          if (!errors) throw error;
          return evidenceForm(deps, principal, params.reference, form, errors);
        }
        return { redirect: `${caseHref(params.reference)}?done=evidence-added#evidence` };
      },
    }),
    pages.staff({
      method: 'GET',
      path: `${PATHS.cases}/:reference/evidence/:evidenceId`,
      roles,
      params: evidenceParams,
      handler: async ({ principal, params }) => {
        const file = await downloadEvidence(deps, principal, params.reference, params.evidenceId);
        return { download: { filename: file.fileName, contentType: file.mediaType, body: file.body } };
      },
    }),
  ];
}
