import type { SlaTerms } from "@/lib/domain/contract";
import { STANDARD_SLA } from "@/lib/domain/contract-templates";

/** The SLA a new contract starts from when the editor turns the SLA on. */
export const SAMPLE_SLA_TEMPLATE: SlaTerms = STANDARD_SLA;
