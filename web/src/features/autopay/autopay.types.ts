/*
 * Autopay as the portal and the console send and receive it (scratch/autopay-contract.md): aliases
 * of the wire types generated from the server's OpenAPI document (app/api/schema.gen.ts, `npm run
 * gen:api-types`), so a schema that changes on the server changes here and `tsc` shows every screen
 * it breaks. The console answers the same shapes. Imported with its extension so the pure logic
 * (autopay-logic.ts) and its Node tests read it too.
 */
import type { BodyOf, ResponseOf } from '../../app/api/wire.ts';

/** GET …/autopay: whether autopay may be set up, the text to accept, the methods, the enrollment. */
export type AutopayState = ResponseOf<'getPortalAutopay'>;
export type Enrollment = NonNullable<AutopayState['enrollment']>;
export type AutopayStatus = Enrollment['status'];
export type AutopayTiming = Enrollment['timing'];
export type AutopayScope = Enrollment['scope'];
export type AutopayMethod = Enrollment['paymentMethod'];
export type AutopayAuthorization = Enrollment['authorization'];
export type AutopayCharge = Enrollment['history'][number];
export type AutopayFailure = NonNullable<AutopayCharge['failure']>;

/** PUT …/autopay. */
export type EnrollBody = BodyOf<'putPortalAutopay'>;
