// generated — do not edit. `npm run gen:api-types` writes it from the server's OpenAPI document
// (scripts/gen-api-types.ts); test/web-api-types.test.ts fails when it differs from the routes' schemas.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and its migrations are current */
        get: operations["getReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets the session cookie */
        post: operations["postAuthSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: operations["postAuthSignOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** E-mail a password reset link (the answer is the same whether or not the e-mail has a login) */
        post: operations["postAuthPasswordResetRequests"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-resets/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check a password reset link */
        get: operations["getAuthPasswordResetsByToken"];
        put?: never;
        /** Set a new password with a reset link; signs in and ends every other session */
        post: operations["postAuthPasswordResetsByToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, where they can work, and the CSRF token */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Switch to another seller or customer account the login belongs to */
        put: operations["putMeContext"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/locale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Keep the language of pages and e-mails for this login */
        put: operations["putMeLocale"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The help centre’s pages, and with `q` the pages that contain every word of it */
        get: operations["getHelp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/images/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image of the help centre */
        get: operations["getHelpImagesByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/help/{lang}/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of the help centre, in `lang` (a slug of the other language gives its translation) */
        get: operations["getHelpByLangBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link invites to */
        get: operations["getInvitationsByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation (new people set a name and password; existing logins prove themselves) */
        post: operations["postInvitationsByTokenAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller's staff and open staff invitations */
        get: operations["getConsoleTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person to the staff (owners and admins; only owners invite owners) */
        post: operations["postConsoleInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages sent for this seller, newest first */
        get: operations["getConsoleOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/outbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message with its text and HTML (withheld when it holds a sign-in link) */
        get: operations["getConsoleOutboxById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/outbox/{id}/html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A message's HTML, served for a sandboxed frame */
        get: operations["getConsoleOutboxByIdHtml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every mail template with the version in use and its usage, per language */
        get: operations["getConsoleMailTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates/{key}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template: its sources in use, variables, Saldo’s default and every version */
        get: operations["getConsoleMailTemplatesByKeyByLocale"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates/{key}/{locale}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Candidate sources written for a customer of this seller, or their problems */
        post: operations["postConsoleMailTemplatesByKeyByLocalePreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates/{key}/{locale}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keeps a new version, in use from now on; refused with each problem’s line */
        post: operations["postConsoleMailTemplatesByKeyByLocaleVersions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates/{key}/{locale}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Brings back an older version as a new one (history is kept) */
        post: operations["postConsoleMailTemplatesByKeyByLocaleVersionsByVersionRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/mail-templates/{key}/{locale}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends the candidate sources to the signed-in staff member, marked as a test */
        post: operations["postConsoleMailTemplatesByKeyByLocaleTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys */
        get: operations["getConsoleApiKeys"];
        put?: never;
        /** Create an API key; the response holds the only copy of the key */
        post: operations["postConsoleApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["deleteConsoleApiKeysById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller's profile */
        get: operations["getConsoleOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer account, its users and open invitations */
        get: operations["getPortalAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person (an accountant, a payer) to this customer account */
        post: operations["postPortalInvitations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which seller and scopes an API key stands for */
        get: operations["getIntegrationWhoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers with their balances; filtered, sorted and paginated on the server */
        get: operations["getConsoleCustomers"];
        put?: never;
        /** Create a customer account */
        post: operations["postConsoleCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/next-account-number": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A suggested account number for a new customer: the last one's series, one further */
        get: operations["getConsoleCustomersNextAccountNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer with contacts, balances and aging */
        get: operations["getConsoleCustomersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a customer's fields */
        patch: operations["patchConsoleCustomersById"];
        trace?: never;
    };
    "/api/v1/console/customers/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a contact to a customer */
        post: operations["postConsoleCustomersByIdContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a customer's contact */
        delete: operations["deleteConsoleCustomersByIdContactsByContactId"];
        options?: never;
        head?: never;
        /** Change a customer's contact */
        patch: operations["patchConsoleCustomersByIdContactsByContactId"];
        trace?: never;
    };
    "/api/v1/console/customers/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a customer on credit hold (an internal reason; optionally a message for the customer) */
        post: operations["postConsoleCustomersByIdHold"];
        /**
         * Release a customer's credit hold (the reason, if given, goes to the audit log)
         * @description The body is required, as for every JSON operation: a JSON object, `{}` when there is no reason to give.
         */
        delete: operations["deleteConsoleCustomersByIdHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened to a customer and its documents, newest business date first (from the audit log) */
        get: operations["getConsoleCustomersByIdActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller's invoices, filtered, sorted and paginated on the server */
        get: operations["getConsoleInvoices"];
        put?: never;
        /**
         * Create an invoice (open: posted at once; draft: kept aside)
         * @description A retried request with the same `Idempotency-Key` answers the invoice it created (200) instead of a duplicate-number conflict; the same key with any other request is refused with 422 `idempotency_key_reused`.
         */
        post: operations["postConsoleInvoices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/next-number": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A suggested number for a new invoice: the series of the invoice created last, one further
         * @description Saldo does not number invoices (the ERP does); `null` when there is no numbered invoice to follow.
         */
        get: operations["getConsoleInvoicesNextNumber"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An invoice's amounts computed from its lines and charges, writing nothing
         * @description The same computation (and the same field errors) as creating the invoice: what the new-invoice form shows as totals.
         */
        post: operations["postConsoleInvoicesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice with its lines, taxes, charges and applications */
        get: operations["getConsoleInvoicesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void an invoice nothing is applied to (a reversing journal entry) */
        post: operations["postConsoleInvoicesByIdVoid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's invoices, filtered, sorted and paginated on the server */
        get: operations["getPortalInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice of this account with its lines and applications */
        get: operations["getPortalInvoicesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's balances, next due invoice, 5 latest payments and credit hold */
        get: operations["getPortalSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments received, newest first */
        get: operations["getConsolePayments"];
        put?: never;
        /**
         * Record a payment received (check, cash, transfer, card terminal) and apply it
         * @description `allocations`: `'auto'` applies it oldest due first; a list applies exactly those amounts; absent keeps it all as unapplied cash. `receivedOn` may not be after the seller’s today (in its time zone); `currency` must be the customer’s own or one it has a balance in. A retried request with the same `Idempotency-Key` answers the payment already recorded (200) instead of recording another, also when the retries arrive at once; the same key with any other request (customer, amount, currency, date, method, reference, allocations) is refused with 422 `idempotency_key_reused`.
         */
        post: operations["postConsolePayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/allocation-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview what recording a payment with allocations 'auto' would apply (nothing is written)
         * @description A dry run of the oldest-due-first rule `POST /console/payments` applies for `allocations: 'auto'`, over every open invoice of the customer in the currency: `available` is each invoice's open amount less what is pending, `amount` what the payment would apply to it, `unapplied` what would stay as unapplied cash. The same checks as recording: the amount is positive; `currency` (default the customer’s) must be the customer’s own or one it has a balance in.
         */
        post: operations["postConsolePaymentsAllocationPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment with its applications */
        get: operations["getConsolePaymentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a payment's unapplied cash to invoices */
        post: operations["postConsolePaymentsByIdApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payment-applications/{id}/unapply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take one payment application off its invoice (the cash becomes unapplied again) */
        post: operations["postConsolePaymentApplicationsByIdUnapply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a payment (a bounced check, a mistake): every application undone */
        post: operations["postConsolePaymentsByIdReverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/credit-memos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Credit memos, newest first */
        get: operations["getConsoleCreditMemos"];
        put?: never;
        /**
         * Issue a credit memo to a customer, optionally against an invoice and applied at once
         * @description `invoiceId` names the invoice it was issued against (not applied by itself); `allocations` applies it. Saldo numbers it (CM-000001) when `number` is absent. A retried request with the same `Idempotency-Key` answers the credit memo it issued (200) instead of issuing another, also when the retries arrive at once; the same key with any other request is refused with 422 `idempotency_key_reused`.
         */
        post: operations["postConsoleCreditMemos"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/credit-memos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One credit memo with its applications */
        get: operations["getConsoleCreditMemosById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/credit-memos/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a credit memo's unapplied credit to invoices */
        post: operations["postConsoleCreditMemosByIdApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/credit-applications/{id}/unapply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take one credit application off its invoice (the credit becomes unapplied again) */
        post: operations["postConsoleCreditApplicationsByIdUnapply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's payments, newest first */
        get: operations["getPortalPayments"];
        put?: never;
        /**
         * Pay one or several invoices, in full or in part, with a saved or a new method
         * @description Requires `Idempotency-Key`: the same key with the same body answers the payment it started (200); with another body 422 `idempotency_key_reused`. A decline is not an error: the attempt is recorded and answered with `status: failed` and the reason in the payer’s language. `requires_action` carries the `actionUrl` where the payer confirms with its bank (3-D Secure). An ACH payment answers `pending`: its invoices show "payment pending" until it settles.
         */
        post: operations["postPortalPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/credit-memos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's credit memos, newest first */
        get: operations["getPortalCreditMemos"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/reports/aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Aging report: open amounts by days past due (current, 1–30, 31–60, 61–90, 90+) per currency and customer, with unapplied cash and credits
         * @description Days past due are counted in the org’s time zone from `asOf` (default today). For another day the report is rebuilt as it stood at the end of that day: invoices issued later and applications made later do not count. `total − unappliedCash − unappliedCredits = balance`, the sum of the customers’ balances.
         */
        get: operations["getConsoleReportsAging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/reports/aging.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aging report as CSV (UTF-8 with BOM, RFC 4180), headers in the caller’s language */
        get: operations["getConsoleReportsAgingCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/reports/aging.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aging report as an Excel workbook (one sheet per currency) */
        get: operations["getConsoleReportsAgingXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice as a PDF, in the customer's language */
        get: operations["getConsoleInvoicesByIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/credit-memos/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A credit memo as a PDF, in the customer's language */
        get: operations["getConsoleCreditMemosByIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment's receipt as a PDF, in the customer's language */
        get: operations["getConsolePaymentsByIdReceiptPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document template: accent colour, footer, optional columns, whether there is a logo */
        get: operations["getConsoleSettingsDocuments"];
        /** Save the document template (the logo has its own route) */
        put: operations["putConsoleSettingsDocuments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/documents/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the logo: the PNG or JPEG file itself as the body (at most 512 KiB) */
        put: operations["putConsoleSettingsDocumentsLogo"];
        post?: never;
        /** Remove the logo */
        delete: operations["deleteConsoleSettingsDocumentsLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/documents/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A sample invoice PDF with unsaved settings and the seller's real name */
        post: operations["postConsoleSettingsDocumentsPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/documents/preview.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same preview for a frame: the unsaved settings in the query string */
        get: operations["getConsoleSettingsDocumentsPreviewPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the account’s invoices as a PDF */
        get: operations["getPortalInvoicesByIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/credit-memos/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the account’s credit memos as a PDF */
        get: operations["getPortalCreditMemosByIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payments/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of one of the account’s payments as a PDF */
        get: operations["getPortalPaymentsByIdReceiptPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payment-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this account may pay online, how, and its saved methods */
        get: operations["getPortalPaymentOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payments/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What paying these invoices this way costs (the card fee), every rule checked; nothing is written */
        post: operations["postPortalPaymentsQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payment-methods/entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The processor's own page where the payer types a new card or bank account
         * @description Card and bank numbers never reach Saldo: the processor keeps them and sends the browser back to `returnPath` with `method=<token>&kind=<kind>` added (or `methodCancelled=1`).
         */
        post: operations["postPortalPaymentMethodsEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment of this account: where it stands, what it pays, what happened to it */
        get: operations["getPortalPaymentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/payment-methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget a saved payment method (the processor detaches it too) */
        delete: operations["deletePortalPaymentMethodsById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One payment as its processor left it: status, method, fee, timeline, refunds
         * @description The same shape as the portal’s `GET /portal/payments/{id}`, plus its `refunds` (oldest first) and `refundable`: the amount less what was refunded and what is being refunded; 0 unless it is a completed online payment.
         */
        get: operations["getConsolePaymentsByIdStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/payments/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of a completed online payment through its processor
         * @description Requires `Idempotency-Key`: the same key with the same payment and amount answers the refund it started (200), with anything else 422 `idempotency_key_reused`. The money leaves what is still unapplied first, then applications are undone newest first (those invoices reopen). More than `refundable` is 422 `refund_exceeds_payment`; a manual payment, or one not completed (an ACH debit still pending), is 409 `payment_not_refundable`. A processor that does not answer is 503 `processor_unavailable`: retry with the same key. A refund the processor declines answers `status: failed` and moves nothing.
         */
        post: operations["postConsolePaymentsByIdRefunds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/payment-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What staff may take online for this customer: why not, methods, saved methods, open invoices
         * @description The portal’s payment options as staff see them (no role applies), plus the customer’s open invoices oldest due first with `payable` (open less what is in flight), at most 200 (`truncated` past that).
         */
        get: operations["getConsoleCustomersByIdPaymentOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/payments/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What taking this payment costs the customer (the card fee), every rule checked; nothing is written */
        post: operations["postConsoleCustomersByIdPaymentsQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/payment-methods/entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The processor's own page where staff type the card or bank account the customer reads out
         * @description Card and bank numbers never reach Saldo: the processor keeps them and sends the browser back to `returnPath` (a console address) with `method=<token>&kind=<kind>` added (or `methodCancelled=1`).
         */
        post: operations["postConsoleCustomersByIdPaymentMethodsEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/online-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Let this customer account pay online, or not */
        put: operations["putConsoleCustomersByIdOnlinePayments"];
        /**
         * Take a payment on the customer's behalf: one or several invoices, with a saved or a new method
         * @description As the portal’s `POST /portal/payments`, with `source: staff` and the staff user as the actor. Requires `Idempotency-Key`: the same key with the same body answers the payment it started (200); with another body 422 `idempotency_key_reused`. A saved method must be this customer’s (else 404). ACH needs `achAuthorizationRead: true`: the staff read the debit authorization to the customer, who agreed; it is kept in the audit log under the staff user’s name. A decline answers `status: failed`.
         */
        post: operations["postConsoleCustomersByIdOnlinePayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller's online-payment settings */
        get: operations["getConsoleSettingsPayments"];
        /**
         * Change the seller's online-payment settings
         * @description `stripe.secretKey` and `stripe.webhookSecret` are write-only: sent to replace them, omitted to keep them. Choosing `stripe` needs its keys.
         */
        put: operations["putConsoleSettingsPayments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/autopay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's autopay: whether it may enrol, the text to accept, its methods and enrollment */
        get: operations["getPortalAutopay"];
        /**
         * Enrol in autopay, or change its rules, accepting the authorization shown
         * @description Enrols the account (201) or replaces the rules of its enrollment (200; it becomes active again). `authorizationText` must be exactly the `authorizationText` GET answered in the same language (what was shown): another text is 409 `autopay_text_changed`. Each call records a new authorization: the text, its language, who accepted it, when, from which address and browser. `daysBefore` (1–30) goes with `timing: days_before` only. `maxPerCharge`: minor units; invoices are paid oldest due first up to it, the last one in part if the seller allows partial payments; the rest is left to pay by hand.
         */
        put: operations["putPortalAutopay"];
        post?: never;
        /** Cancel autopay (its authorizations and history are kept) */
        delete: operations["deletePortalAutopay"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/autopay/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause autopay: nothing is charged or noticed until it is resumed */
        post: operations["postPortalAutopayPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/autopay/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume paused autopay under the authorization on record */
        post: operations["postPortalAutopayResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/autopay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller's autopay settings: how many days before a charge its notice is mailed */
        get: operations["getConsoleSettingsAutopay"];
        /** Change how many days before each autopay charge the notice goes out (0: none; default 3) */
        put: operations["putConsoleSettingsAutopay"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{customerId}/autopay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's autopay: whether it may enrol, the text to accept, its methods and enrollment */
        get: operations["getConsoleCustomersByCustomerIdAutopay"];
        /**
         * Enrol a customer in autopay on its behalf, or change its rules
         * @description As the portal’s `PUT /portal/autopay`; the authorization records the staff member who accepted it (`acceptedBy.kind: staff`), the address and the browser.
         */
        put: operations["putConsoleCustomersByCustomerIdAutopay"];
        post?: never;
        /** Cancel a customer's autopay (its authorizations and history are kept) */
        delete: operations["deleteConsoleCustomersByCustomerIdAutopay"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{customerId}/autopay/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a customer's autopay */
        post: operations["postConsoleCustomersByCustomerIdAutopayPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{customerId}/autopay/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a customer's paused autopay */
        post: operations["postConsoleCustomersByCustomerIdAutopayResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deposits, newest arrival first: per processor payout, card and ACH apart
         * @description `net = gross − fees`; `gross = charges + refunds + returns + adjustments` (the last three signed). Filter by `kind` and by arrival day (`from`, `to`, both included).
         */
        get: operations["getConsoleDeposits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposits/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take the deposits the processor has paid since the last ones stored (also done hourly)
         * @description Each payout is stored once: syncing again stores nothing twice. Every new deposit’s reports are e-mailed to the recipients.
         */
        post: operations["postConsoleDepositsSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One deposit: its lines (payments, refunds, returns, fees) and its journal entry */
        get: operations["getConsoleDepositsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposits/{id}/reports/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A deposit’s report as CSV or XLSX: payments initiated in the days it covers, or its payments
         * @description `payments-initiated`: the online payments of its kind and currency started in the seller’s days the deposit covers (`coversFrom`..`coversTo`), by source, with subtotals. `payments-deposited`: its lines and net. Headers in the caller’s language.
         */
        get: operations["getConsoleDepositsByIdReportsByFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposit-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A report over days, card or ACH: payments initiated on those days, or the deposits that arrived
         * @description `from`..`to` (both included) are the seller’s calendar days: when the payments were started, or when the deposits arrived, a year at most. The deposited report’s totals are the sum of those deposits.
         */
        get: operations["getConsoleDepositReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deposit-recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who receives each deposit’s reports by e-mail */
        get: operations["getConsoleDepositRecipients"];
        /**
         * Set who receives each deposit’s reports (the whole list; empty: nobody)
         * @description Addresses are trimmed and lower-cased, repeats dropped. One that is not an e-mail address refuses the list (422 `deposit_recipient_invalid`, the field `emails/<i>`).
         */
        put: operations["putConsoleDepositRecipients"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{processor}/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment processor's signed event for one seller */
        post: operations["postWebhooksByProcessorByOrgId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an order against the customer’s credit; a pay link when it does not fit
         * @description `available = credit limit − balance − pending orders` (orders approved or being prepaid that no invoice has billed yet; money in flight frees no credit until it arrives). The order is `approved` when it fits; otherwise `payment_required` with a pay link for the part over the limit or the whole order (the seller’s setting). A limit of 0 means no credit: every order is paid online; no limit (null) approves every order. What is paid waits as unapplied cash and is applied when the invoice with the same `orderReference` is created. Idempotent on `orderReference`: the same order and amount answer the same link (200); a changed amount is weighed anew with a new link (201). `payLinkUnavailable` says why no link was made (online payment of orders switched off).
         */
        post: operations["postCreditChecks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}/invoices/{invoiceId}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the link's invoices as a PDF (a pay-now e-mail's link only; no other invoice) */
        get: operations["getPayLinksByTokenInvoicesByInvoiceIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a pay link pays, to whom, and where it stands */
        get: operations["getPayLinksByToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}/entry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The processor's own page where the payer types a new card or bank account
         * @description The processor sends the browser back to `/pay/return/<link id>` with `method=<token>&kind=<kind>` (or `methodCancelled=1`): the address carries no link token, so the processor never records one.
         */
        post: operations["postPayLinksByTokenEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay what the link names with the method the processor’s page returned
         * @description Requires `Idempotency-Key`: the same key and body answer the payment it started (200). The link pays once: while a payment through it is in flight or after one completed, another is refused (409 `pay_link_in_progress` / `pay_link_paid`). A decline is not an error: `status: failed`, and the link stays open for another try.
         */
        post: operations["postPayLinksByTokenPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment made through the link: where it stands, what happened to it */
        get: operations["getPayLinksByTokenPaymentsByPaymentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pay-links/{token}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of the payment that paid the link, as a PDF */
        get: operations["getPayLinksByTokenReceiptPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/credit-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's latest credit checks and pay links */
        get: operations["getConsoleCustomersByIdCreditChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/pay-links/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pay link nobody has paid */
        post: operations["postConsolePayLinksByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/credit-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders over the credit limit: paid online or not, the excess or the whole order */
        get: operations["getConsoleSettingsCreditChecks"];
        /** Change how orders over the credit limit are paid */
        put: operations["putConsoleSettingsCreditChecks"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/pay-now-emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a pay-now e-mail: invoices of one customer, their PDFs, and a link that pays them
         * @description To the chosen contacts of the customer, or else to every contact who receives invoices; the customer's other contacts are the fallbacks when delivery fails for good. Refused for another seller's invoices (404), invoices of different customers (422 `customer_mismatch`), void or draft ones (409 `invoice_not_open`), paid ones (409 `invoice_already_paid`) and ones with a payment in flight (409 `payment_in_progress`). The same `Idempotency-Key` and body answer the e-mail already sent (200); another body under it is 422 `idempotency_key_reused`.
         */
        post: operations["postConsolePayNowEmails"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/pay-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's pay-now links (with their state and messages) and the contacts who can get one */
        get: operations["getConsoleCustomersByIdPayNow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/invoices/{id}/pay-now-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pay-now links sent for an invoice, with their state */
        get: operations["getConsoleInvoicesByIdPayNowLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's messages (its activity): every e-mail sent to it, with its delivery status */
        get: operations["getConsoleCustomersByIdMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/pay-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many days a pay-now e-mail's link stays payable */
        get: operations["getConsoleSettingsPayNow"];
        /** Change how many days a pay-now e-mail's link stays payable (1–90); links already sent keep theirs */
        put: operations["putConsoleSettingsPayNow"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/imports/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read a file before importing it: encoding, delimiter, header, suggested mapping, first rows
         * @description The body is the file itself (`application/octet-stream`): the whole file, or for CSV and JSON its first part (the console sends the first MiB); at most 16 MiB. Nothing is stored. The answer shows what was detected and what would be used, the mapping suggested from the header, and the first 20 rows as the import would parse them (each mapped field’s value or its error). Send the same bytes again with `Saldo-Import-Settings` to preview other settings. The settings as base64url-encoded JSON: any of `format`, `encoding` (utf-8, windows-1252), `delimiter`, `sheet`, `decimalMark` (`.` or `,`), `dateFormat` (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd), `mapping` (field → the file’s column header) and `mode` (all, rows).
         */
        post: operations["postConsoleImportsInspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imports, newest first: every channel (console, CLI, drop folder, API) */
        get: operations["getConsoleImports"];
        put?: never;
        /**
         * Import a file: stores it and queues the run (poll GET …/imports/{id})
         * @description The body is the whole file (`application/octet-stream`, at most 200 MiB here; larger files go through `saldo import` or the drop folder), its name in `?name=`. Settings: a saved profile (`profileId`) and/or `Saldo-Import-Settings` (each setting sent overrides the profile’s); `mode` in the query overrides both. With `Idempotency-Key`, the same key and the same file and settings answer the same run (200); another file or settings under the key are refused (422 `idempotency_key_reused`). `duplicateOf`: an earlier completed import of the very same file (importing it again changes nothing). The settings as base64url-encoded JSON: any of `format`, `encoding` (utf-8, windows-1252), `delimiter`, `sheet`, `decimalMark` (`.` or `,`), `dateFormat` (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd), `mapping` (field → the file’s column header) and `mode` (all, rows).
         */
        post: operations["postConsoleImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: status, progress, summary (created, updated, unchanged, rejected, sums) */
        get: operations["getConsoleImportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import’s rejected rows: line, column and reason, in the reader’s language */
        get: operations["getConsoleImportsByIdErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import’s error report as CSV (line, column, reason), in the reader’s language */
        get: operations["getConsoleImportsByIdErrorsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/import-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved mapping profiles (all kinds, or one) */
        get: operations["getConsoleImportProfiles"];
        /**
         * Save a mapping profile (by kind and name: saving the same name again replaces it)
         * @description The mapping’s keys are fields of the kind (a field the kind lacks refuses the profile). The profile named `default` (or a kind’s only one) is what the drop folder uses.
         */
        put: operations["putConsoleImportProfiles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/import-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mapping profile */
        get: operations["getConsoleImportProfilesById"];
        put?: never;
        post?: never;
        /** Delete a mapping profile (past imports keep their settings) */
        delete: operations["deleteConsoleImportProfilesById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/import-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents imports flagged for review (e.g. a new total below what is already paid) */
        get: operations["getConsoleImportReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/import-reviews/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a review: `resolved` (handled) or `dismissed` (nothing to do) */
        post: operations["postConsoleImportReviewsByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/import-reviews/{id}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct an aging difference where the ERP shows less open than Saldo: an ERP payment for the difference
         * @description Records a payment (source `erp`) for Saldo's open amount minus the ERP's, applies it to the invoice and resolves the review. Other differences answer what to import instead (`aging_import_document`, `aging_erp_higher`, `aging_not_invoice`); a review already closed, 409.
         */
        post: operations["postConsoleImportReviewsByIdCorrect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1000 customers by ERP id
         * @description Applied by the same engine as a file import, before the answer: each document is upserted by its ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, `code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies nothing (`status` rejected). Amounts and quantities are decimal strings in major units ("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same result again (`Idempotent-Replayed: true`); another body under the key is refused (422 `idempotency_key_reused`). The run is listed among the console’s imports (channel api).
         */
        post: operations["postCustomersBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1000 invoices by ERP id
         * @description Applied by the same engine as a file import, before the answer: each document is upserted by its ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, `code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies nothing (`status` rejected). Amounts and quantities are decimal strings in major units ("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same result again (`Idempotent-Replayed: true`); another body under the key is refused (422 `idempotency_key_reused`). The run is listed among the console’s imports (channel api).
         */
        post: operations["postInvoicesBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-memos/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1000 credit memos by ERP id
         * @description Applied by the same engine as a file import, before the answer: each document is upserted by its ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, `code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies nothing (`status` rejected). Amounts and quantities are decimal strings in major units ("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same result again (`Idempotent-Replayed: true`); another body under the key is refused (422 `idempotency_key_reused`). The run is listed among the console’s imports (channel api).
         */
        post: operations["postCreditMemosBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1000 payments by ERP id
         * @description Applied by the same engine as a file import, before the answer: each document is upserted by its ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, `code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies nothing (`status` rejected). Amounts and quantities are decimal strings in major units ("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same result again (`Idempotent-Replayed: true`); another body under the key is refused (422 `idempotency_key_reused`). The run is listed among the console’s imports (channel api).
         */
        post: operations["postPaymentsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/holds/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1000 holds by ERP id
         * @description Applied by the same engine as a file import, before the answer: each document is upserted by its ERP id (created, updated, or unchanged when nothing differs). `mode=rows` (default): every good document commits and every bad one is listed in `errors` (`index` in `documents`, `field`, `code`, `message` in the seller’s language or `Accept-Language`). `mode=all`: any error applies nothing (`status` rejected). Amounts and quantities are decimal strings in major units ("1234.56"); dates YYYY-MM-DD. With `Idempotency-Key`, the same key and body answer the same result again (`Idempotent-Replayed: true`); another body under the key is refused (422 `idempotency_key_reused`). The run is listed among the console’s imports (channel api).
         */
        post: operations["postHoldsBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints, with the event types Saldo sends */
        get: operations["getConsoleWebhooksEndpoints"];
        put?: never;
        /** Add a webhook endpoint; the answer holds the only copy of its signing secret */
        post: operations["postConsoleWebhooksEndpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook endpoint and its delivery log */
        delete: operations["deleteConsoleWebhooksEndpointsById"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (URL, description, event types, enabled) */
        patch: operations["patchConsoleWebhooksEndpointsById"];
        trace?: never;
    };
    "/api/v1/console/webhooks/endpoints/{id}/roll-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the old one keeps signing too for `overlapHours` (default 24, 0: stop now) */
        post: operations["postConsoleWebhooksEndpointsByIdRollSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a `webhook.test` event to this endpoint only */
        post: operations["postConsoleWebhooksEndpointsByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook delivery log, newest first */
        get: operations["getConsoleWebhooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: the body it sends and every attempt with the answer received */
        get: operations["getConsoleWebhooksDeliveriesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/webhooks/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now: the same event id and body, a new attempt */
        post: operations["postConsoleWebhooksDeliveriesByIdRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/erp-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ERP sync: settings, the card/ACH payment accounts, the last export and the last import */
        get: operations["getConsoleErpSync"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/erp-sync/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save the sync settings (the whole set)
         * @description Frequency `off`, `hourly`, `every_4_hours` (from local midnight) or `daily` at `dailyAt` in the seller’s time zone; a changed schedule starts at the next slot. `marking`: `automatic` (the ERP marks invoices paid from the file or the API) or `manual` (people do, from the file mailed to `recipients`). ERP payment accounts for card and ACH are kept in the payment settings. A recipient that is not an address refuses the change (422 `deposit_recipient_invalid`, the field `recipients/<i>`).
         */
        put: operations["putConsoleErpSyncSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/erp-sync/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payment confirmation exports, newest first */
        get: operations["getConsoleErpSyncExports"];
        put?: never;
        /**
         * Export now: the payment confirmations no export has handed out yet
         * @description Answers the new export (201), or `{ export: null }` (200) when nothing is new. In manual marking the file is also mailed to the recipients.
         */
        post: operations["postConsoleErpSyncExports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/erp-sync/exports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An export’s file, as it was first handed out */
        get: operations["getConsoleErpSyncExportsByIdFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-confirmations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payment confirmations not handed out before, as a new export
         * @description For sellers whose ERP marks invoices paid itself (automatic marking; otherwise 409 `erp_sync_manual_marking`). Each call claims what no export (schedule, console, CLI or API) has handed out: payments that took effect (manual ones when recorded, card when captured, ACH when settled — never a pending one) with their applications, and later changes as `changes` lines (application, unapplication, refund, refund_failed, return, reversal, credit_application, credit_unapplication). Payments recorded in the ERP are not sent back. Nothing new: `export: null`. A response lost on the way can be fetched again: `GET /payment-confirmations/exports/:id`, or list the exports after the last sequence you processed with `GET /payment-confirmations/exports?after=n`. With `format=csv` the file itself is answered, or 204 when nothing is new.
         */
        get: operations["getPaymentConfirmations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-confirmations/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The exports after a sequence number, oldest first (or all, newest first) */
        get: operations["getPaymentConfirmationsExports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment-confirmations/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One export again, byte for byte as first handed out */
        get: operations["getPaymentConfirmationsExportsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The weekly collection: schedule, next run, subscribed customers, latest runs */
        get: operations["getConsoleCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/collections/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets the weekly collection schedule (weekday and hour in the seller’s time zone) */
        put: operations["putConsoleCollectionsSchedule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/collections/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the next run would send: customers, their documents and who receives them */
        get: operations["getConsoleCollectionsPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/collections/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Runs the weekly collection now (outside the schedule) */
        post: operations["postConsoleCollectionsRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/collections/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which of the given customers are subscribed (the customer list’s marks) */
        get: operations["getConsoleCollectionsSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/collection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s weekly collection: subscribed or not, and the contacts who receive it */
        get: operations["getConsoleCustomersByIdCollection"];
        /** Subscribes a customer to the weekly collection, or turns it off */
        put: operations["putConsoleCustomersByIdCollection"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/dunning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reminder steps, the daily run hour, hold rules, next run and latest runs */
        get: operations["getConsoleDunning"];
        /** Sets the reminder steps, the daily run hour and the automatic hold rules */
        put: operations["putConsoleDunning"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/dunning/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Runs today’s reminders and hold rules now (a step already sent is never sent again) */
        post: operations["postConsoleDunningRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/dunning/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the daily runs will send in the next days, and what they hold back and why */
        get: operations["getConsoleDunningPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/dunning/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per template and step: invoices reminded and how many were paid within 7, 14 and 30 days */
        get: operations["getConsoleDunningStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/dunning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s reminders: whose steps it follows, who receives them, the latest sent */
        get: operations["getConsoleCustomersByIdDunning"];
        /** Sets whether a customer follows the seller’s steps, its own, or gets no reminders */
        put: operations["putConsoleCustomersByIdDunning"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sends the customer a reminder now for its open invoices (or those named), with a pay link */
        post: operations["postConsoleCustomersByIdReminders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statements sent to a customer, newest first */
        get: operations["getConsoleCustomersByIdStatements"];
        put?: never;
        /** E-mails the customer its statement of account for a period (PDF attached, with a pay link) */
        post: operations["postConsoleCustomersByIdStatements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/statement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s statement of account for any period, as a PDF */
        get: operations["getConsoleCustomersByIdStatementPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly statement: on or off, the day of the month, the month last sent and when the next go out */
        get: operations["getConsoleSettingsStatements"];
        /** Sets the monthly statement (day 1–28 of each month, for the month before) */
        put: operations["putConsoleSettingsStatements"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/statement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s statement of account for a period, as a PDF */
        get: operations["getPortalStatementPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Questions and disputes: open first, then the most recently active */
        get: operations["getConsoleInquiries"];
        put?: never;
        /** Record a customer's question or dispute on its behalf (a call, an e-mail) */
        post: operations["postConsoleInquiries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One question or dispute with its thread */
        get: operations["getConsoleInquiriesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/inquiries/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a question or dispute; the answer is e-mailed to the customer */
        post: operations["postConsoleInquiriesByIdReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/inquiries/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a question or dispute with its outcome (and a last word to the customer) */
        post: operations["postConsoleInquiriesByIdResolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/promises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's promises to pay, newest date first, with where each stands */
        get: operations["getConsoleCustomersByIdPromises"];
        put?: never;
        /** Record a promise to pay: reminders for what it covers pause until its date */
        post: operations["postConsoleCustomersByIdPromises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/promises/{promiseId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a promise to pay: reminders resume */
        post: operations["postConsoleCustomersByIdPromisesByPromiseIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's questions and disputes, open first */
        get: operations["getPortalInquiries"];
        put?: never;
        /** Ask about an invoice, or dispute all or part of it, with a reason and a message */
        post: operations["postPortalInquiries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of this account’s questions or disputes with its thread */
        get: operations["getPortalInquiriesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/inquiries/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a message to an open question or dispute */
        post: operations["postPortalInquiriesByIdReplies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/inquiries/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an open question or dispute (settled without the seller) */
        post: operations["postPortalInquiriesByIdWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/promises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This account's promises to pay */
        get: operations["getPortalPromises"];
        put?: never;
        /** Promise to pay an amount by a date: reminders pause until then */
        post: operations["postPortalPromises"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/promises/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a promise to pay */
        post: operations["postPortalPromisesByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/customers/{id}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s delivery preference and its latest deliveries (UBL, EDI, postal) */
        get: operations["getConsoleCustomersByIdDelivery"];
        /**
         * Set how a customer receives its documents
         * @description `email` (with `emailAttachPdf`: PDF attached, or a link only), `postal` (printed in a batch), `ubl` (Peppol BIS 3.0 posted to `apEndpointUrl`, with `apAuthToken` as a bearer secret — sealed at rest, never returned; omit it to keep the stored one, null to remove it) or `edi` (X12 810 with the trading partner’s ISA/GS ids in `edi`). Incomplete settings: 400 `validation_failed` with the fields.
         */
        put: operations["putConsoleCustomersByIdDelivery"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries (UBL, EDI, postal), newest first; the latest 200 */
        get: operations["getConsoleDeliveries"];
        put?: never;
        /**
         * Deliver an invoice or credit memo the customer’s way (or through `channel`)
         * @description E-mail: the document e-mail to the contacts who receive invoices, the PDF attached or a pay link only (200, the recipients; 422 `no_delivery_recipients` without one). UBL: the document is kept and posted by a job (retried; a failure is reported and can be sent again), or attached to the e-mail when the customer takes UBL by e-mail. EDI: an 810 with the next control numbers, written to the seller’s outbound folder. Postal: queued for the next print batch.
         */
        post: operations["postConsoleDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed e-invoice again (the same document, a fresh set of attempts) */
        post: operations["postConsoleDeliveriesByIdResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/deliveries/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file a delivery sent (UBL XML or X12 810) */
        get: operations["getConsoleDeliveriesByIdFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/print-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is due to print: postal deliveries not printed yet, by customer */
        get: operations["getConsolePrintQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/print-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Earlier print batches, newest first (the latest 50) */
        get: operations["getConsolePrintBatches"];
        put?: never;
        /** Print a batch: one merged PDF of everything due (or the deliveries named), marked printed */
        post: operations["postConsolePrintBatches"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/print-batches/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A print batch’s merged PDF */
        get: operations["getConsolePrintBatchesByIdPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/console/settings/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seller’s delivery settings: its postal address and Peppol participant id, and whether new documents are delivered on their own */
        get: operations["getConsoleSettingsDelivery"];
        /**
         * Save the seller’s delivery settings
         * @description `deliverNew` on: from now on, each invoice and credit memo posted is delivered to its customer its way (documents from before are never sent); left out: unchanged. `deliverNewSince` is ignored.
         */
        put: operations["putConsoleSettingsDelivery"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How this account receives its documents */
        get: operations["getPortalDelivery"];
        /**
         * Choose how this account receives its documents
         * @description E-mail (PDF attached or a link only), postal mail, UBL (to the account’s AP endpoint or attached to the e-mail: `ublVia`), or EDI 810 (only once the seller has set up the trading partner: 400 `validation_failed` otherwise).
         */
        put: operations["putPortalDelivery"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail: string;
            instance: string;
            errors?: {
                field: string;
                code: string;
                message: string;
            }[];
        };
        Me: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                locale: "es" | "en";
            };
            context: ({
                /** @enum {string} */
                kind: "staff";
                /** Format: uuid */
                orgId: string;
                orgName: string;
                role: "owner" | "admin" | "ar_agent" | "viewer";
            } | {
                /** @enum {string} */
                kind: "customer";
                /** Format: uuid */
                orgId: string;
                orgName: string;
                /** Format: uuid */
                accountId: string;
                accountName: string;
                role: "account_admin" | "payer" | "accountant";
            }) | null;
            contexts: ({
                /** @enum {string} */
                kind: "staff";
                /** Format: uuid */
                orgId: string;
                orgName: string;
                role: "owner" | "admin" | "ar_agent" | "viewer";
            } | {
                /** @enum {string} */
                kind: "customer";
                /** Format: uuid */
                orgId: string;
                orgName: string;
                /** Format: uuid */
                accountId: string;
                accountName: string;
                role: "account_admin" | "payer" | "accountant";
            })[];
            csrfToken: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthPasswordResetRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthPasswordResetsByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postAuthPasswordResetsByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeContext: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "staff";
                    /** Format: uuid */
                    orgId: string;
                } | {
                    /** @enum {string} */
                    kind: "customer";
                    /** Format: uuid */
                    orgId: string;
                    /** Format: uuid */
                    accountId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putMeLocale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locale: "es" | "en";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHelp: {
        parameters: {
            query?: {
                lang?: "es" | "en";
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lang: "es" | "en";
                        pages: {
                            slug: string;
                            title: string;
                            summary: string;
                        }[];
                        results?: {
                            slug: string;
                            title: string;
                            snippet: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHelpImagesByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHelpByLangBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lang: "es" | "en";
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        lang: "es" | "en";
                        slug: string;
                        title: string;
                        /** @description The page as HTML (raw HTML in the source is escaped) */
                        html: string;
                        translations: {
                            es?: string;
                            en?: string;
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvitationsByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        kind: "staff" | "customer";
                        role: string;
                        orgName: string;
                        accountName: string | null;
                        userExists: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvitationsByTokenAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleTeam: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            userId: string;
                            email: string;
                            name: string;
                            role: string;
                        }[];
                        invitations: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            role: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: "owner" | "admin" | "ar_agent" | "viewer";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        role: string;
                        /** Format: date-time */
                        expiresAt: string;
                        delivery: "email" | "outbox";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleOutbox: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            to: string;
                            subject: string;
                            template: string;
                            status: "queued" | "sent" | "failed";
                            transport: ("smtp" | "capture") | null;
                            /** @description The message holds a personal sign-in link (an invitation): its body is only for its recipient */
                            sensitive: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                            attempts: number;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleOutboxById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        to: string;
                        from: string;
                        subject: string;
                        template: string;
                        status: "queued" | "sent" | "failed";
                        transport: ("smtp" | "capture") | null;
                        /** @description The message holds a personal sign-in link (an invitation): its body is only for its recipient */
                        sensitive: boolean;
                        /** @description True for sensitive messages: text and html are null, only the recipient reads them */
                        bodyWithheld: boolean;
                        text: string | null;
                        html: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        sentAt: string | null;
                        attempts: number;
                        lastError: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleOutboxByIdHtml: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleMailTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * @description The template key (docs/guide/en/mail-templates.md lists what each one sends)
                             * @enum {string}
                             */
                            key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                            /** @description False: Saldo’s own message, not the seller’s to change */
                            perSeller: boolean;
                            versions: {
                                es: number | null;
                                en: number | null;
                            };
                            usage: {
                                es: {
                                    count: number;
                                    lastUsedAt: string | null;
                                };
                                en: {
                                    count: number;
                                    lastUsedAt: string | null;
                                };
                            };
                            variables: {
                                name: string;
                                description: {
                                    es: string;
                                    en: string;
                                };
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleMailTemplatesByKeyByLocale: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template key (docs/guide/en/mail-templates.md lists what each one sends) */
                key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                locale: "es" | "en";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The template key (docs/guide/en/mail-templates.md lists what each one sends)
                         * @enum {string}
                         */
                        key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                        locale: "es" | "en";
                        perSeller: boolean;
                        version: number | null;
                        subject: string;
                        preheader: string;
                        textBody: string;
                        htmlBody: string;
                        variables: {
                            name: string;
                            description: {
                                es: string;
                                en: string;
                            };
                        }[];
                        /** @description The Liquid sources of one version */
                        defaults: {
                            subject: string;
                            preheader: string;
                            textBody: string;
                            htmlBody: string;
                        };
                        versions: {
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            subject: string;
                            preheader: string;
                            textBody: string;
                            htmlBody: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleMailTemplatesByKeyByLocalePreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template key (docs/guide/en/mail-templates.md lists what each one sends) */
                key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                locale: "es" | "en";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The Liquid sources of one version */
                    sources: {
                        subject: string;
                        preheader: string;
                        textBody: string;
                        htmlBody: string;
                    };
                    customerId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        problems: {
                            part: "subject" | "preheader" | "textBody" | "htmlBody";
                            line: number;
                            column: number;
                            kind: "syntax" | "render" | "unknown_variable";
                            reason?: string;
                            variable?: string;
                        }[];
                        subject: string | null;
                        text: string | null;
                        html: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleMailTemplatesByKeyByLocaleVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template key (docs/guide/en/mail-templates.md lists what each one sends) */
                key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                locale: "es" | "en";
            };
            cookie?: never;
        };
        /** @description The Liquid sources of one version */
        requestBody: {
            content: {
                "application/json": {
                    subject: string;
                    preheader: string;
                    textBody: string;
                    htmlBody: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The template key (docs/guide/en/mail-templates.md lists what each one sends)
                         * @enum {string}
                         */
                        key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                        locale: "es" | "en";
                        version: number;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description validation_failed with `problems`: each part, line, column and reason */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        title: string;
                        status: number;
                        code: string;
                        detail: string;
                        instance: string;
                        errors?: {
                            field: string;
                            code: string;
                            message: string;
                        }[];
                        problems?: {
                            part: "subject" | "preheader" | "textBody" | "htmlBody";
                            line: number;
                            column: number;
                            kind: "syntax" | "render" | "unknown_variable";
                            reason?: string;
                            variable?: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleMailTemplatesByKeyByLocaleVersionsByVersionRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template key (docs/guide/en/mail-templates.md lists what each one sends) */
                key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                locale: "es" | "en";
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The template key (docs/guide/en/mail-templates.md lists what each one sends)
                         * @enum {string}
                         */
                        key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                        locale: "es" | "en";
                        version: number;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleMailTemplatesByKeyByLocaleTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The template key (docs/guide/en/mail-templates.md lists what each one sends) */
                key: "invitation_staff" | "invitation_customer" | "password_reset" | "payment_receipt" | "pay_now" | "invoice_delivery" | "reminder" | "account_on_hold" | "autopay_upcoming" | "autopay_failed" | "weekly_collection" | "statement" | "inquiry_reply" | "reminder_upcoming" | "reminder_final" | "credit_memo_delivery";
                locale: "es" | "en";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The Liquid sources of one version */
                    sources: {
                        subject: string;
                        preheader: string;
                        textBody: string;
                        htmlBody: string;
                    };
                    customerId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        to: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("integration:read" | "integration:write")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        key: string;
                        prefix: string;
                        name: string;
                        scopes: string[];
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleApiKeysById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        legalName: string | null;
                        taxId: string | null;
                        country: string;
                        timeZone: string;
                        defaultCurrency: string;
                        locale: "es" | "en";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        orgName: string;
                        users: {
                            /** Format: uuid */
                            userId: string;
                            email: string;
                            name: string;
                            role: string;
                        }[];
                        invitations: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            role: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: "account_admin" | "payer" | "accountant";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        role: string;
                        /** Format: date-time */
                        expiresAt: string;
                        delivery: "email" | "outbox";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIntegrationWhoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        orgId: string;
                        orgName: string;
                        /** Format: uuid */
                        keyId: string;
                        scopes: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomers: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
                hold?: "active" | "on_hold";
                collectorId?: string;
                overdue?: boolean;
                sort?: "name" | "-name" | "accountNumber" | "-accountNumber" | "balance" | "-balance" | "overdue" | "-overdue";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            accountNumber: string;
                            name: string;
                            taxId: string | null;
                            currency: string;
                            holdStatus: "active" | "on_hold";
                            holdReason: string | null;
                            collector: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            tags: string[];
                            balances: {
                                currency: string;
                                total: number;
                                overdue: number;
                                notYetDue: number;
                                unappliedCash: number;
                                unappliedCredits: number;
                            }[];
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountNumber: string;
                    name: string;
                    taxId?: string | null;
                    currency: string;
                    locale: "es" | "en";
                    paymentTermsDays?: number;
                    creditLimit?: number | null;
                    billingAddress?: {
                        line1?: string;
                        line2?: string;
                        city?: string;
                        region?: string;
                        postalCode?: string;
                        country?: string;
                    };
                    shippingAddress?: {
                        line1?: string;
                        line2?: string;
                        city?: string;
                        region?: string;
                        postalCode?: string;
                        country?: string;
                    };
                    collectorUserId?: string | null;
                    tags?: string[];
                    /** @description Contacts created with the customer, in one go */
                    contacts?: {
                        name: string;
                        email?: string | null;
                        phone?: string | null;
                        role?: string | null;
                        locale?: "es" | "en";
                        receives?: ("invoices" | "statements" | "reminders" | "receipts")[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        taxId: string | null;
                        currency: string;
                        holdStatus: "active" | "on_hold";
                        holdReason: string | null;
                        collector: {
                            /** Format: uuid */
                            userId: string;
                            name: string;
                        } | null;
                        tags: string[];
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        locale: "es" | "en";
                        paymentTermsDays: number;
                        creditLimit: number | null;
                        billingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        shippingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        erpId: string | null;
                        onlinePayments: boolean;
                        hold: {
                            status: "active" | "on_hold";
                            reason: string | null;
                            customerMessage: string | null;
                            by: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            at: string | null;
                        };
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            role: string | null;
                            locale: "es" | "en";
                            receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                        }[];
                        /** @description A document (invoice, credit memo, payment) names the customer: its currency can no longer change */
                        hasDocuments: boolean;
                        aging: {
                            current: number;
                            d1_30: number;
                            d31_60: number;
                            d61_90: number;
                            d90_plus: number;
                            currency: string;
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersNextAccountNumber: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accountNumber: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        taxId: string | null;
                        currency: string;
                        holdStatus: "active" | "on_hold";
                        holdReason: string | null;
                        collector: {
                            /** Format: uuid */
                            userId: string;
                            name: string;
                        } | null;
                        tags: string[];
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        locale: "es" | "en";
                        paymentTermsDays: number;
                        creditLimit: number | null;
                        billingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        shippingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        erpId: string | null;
                        onlinePayments: boolean;
                        hold: {
                            status: "active" | "on_hold";
                            reason: string | null;
                            customerMessage: string | null;
                            by: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            at: string | null;
                        };
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            role: string | null;
                            locale: "es" | "en";
                            receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                        }[];
                        /** @description A document (invoice, credit memo, payment) names the customer: its currency can no longer change */
                        hasDocuments: boolean;
                        aging: {
                            current: number;
                            d1_30: number;
                            d31_60: number;
                            d61_90: number;
                            d90_plus: number;
                            currency: string;
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchConsoleCustomersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accountNumber?: string;
                    name?: string;
                    taxId?: string | null;
                    currency?: string;
                    locale?: "es" | "en";
                    paymentTermsDays?: number;
                    creditLimit?: number | null;
                    billingAddress?: {
                        line1?: string;
                        line2?: string;
                        city?: string;
                        region?: string;
                        postalCode?: string;
                        country?: string;
                    };
                    shippingAddress?: {
                        line1?: string;
                        line2?: string;
                        city?: string;
                        region?: string;
                        postalCode?: string;
                        country?: string;
                    };
                    collectorUserId?: string | null;
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        taxId: string | null;
                        currency: string;
                        holdStatus: "active" | "on_hold";
                        holdReason: string | null;
                        collector: {
                            /** Format: uuid */
                            userId: string;
                            name: string;
                        } | null;
                        tags: string[];
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        locale: "es" | "en";
                        paymentTermsDays: number;
                        creditLimit: number | null;
                        billingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        shippingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        erpId: string | null;
                        onlinePayments: boolean;
                        hold: {
                            status: "active" | "on_hold";
                            reason: string | null;
                            customerMessage: string | null;
                            by: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            at: string | null;
                        };
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            role: string | null;
                            locale: "es" | "en";
                            receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                        }[];
                        /** @description A document (invoice, credit memo, payment) names the customer: its currency can no longer change */
                        hasDocuments: boolean;
                        aging: {
                            current: number;
                            d1_30: number;
                            d31_60: number;
                            d61_90: number;
                            d90_plus: number;
                            currency: string;
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    email?: string | null;
                    phone?: string | null;
                    role?: string | null;
                    locale?: "es" | "en";
                    receives?: ("invoices" | "statements" | "reminders" | "receipts")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        role: string | null;
                        locale: "es" | "en";
                        receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleCustomersByIdContactsByContactId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchConsoleCustomersByIdContactsByContactId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string | null;
                    phone?: string | null;
                    role?: string | null;
                    locale?: "es" | "en";
                    receives?: ("invoices" | "statements" | "reminders" | "receipts")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        role: string | null;
                        locale: "es" | "en";
                        receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    customerMessage?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        taxId: string | null;
                        currency: string;
                        holdStatus: "active" | "on_hold";
                        holdReason: string | null;
                        collector: {
                            /** Format: uuid */
                            userId: string;
                            name: string;
                        } | null;
                        tags: string[];
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        locale: "es" | "en";
                        paymentTermsDays: number;
                        creditLimit: number | null;
                        billingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        shippingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        erpId: string | null;
                        onlinePayments: boolean;
                        hold: {
                            status: "active" | "on_hold";
                            reason: string | null;
                            customerMessage: string | null;
                            by: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            at: string | null;
                        };
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            role: string | null;
                            locale: "es" | "en";
                            receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                        }[];
                        /** @description A document (invoice, credit memo, payment) names the customer: its currency can no longer change */
                        hasDocuments: boolean;
                        aging: {
                            current: number;
                            d1_30: number;
                            d31_60: number;
                            d61_90: number;
                            d90_plus: number;
                            currency: string;
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleCustomersByIdHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        accountNumber: string;
                        name: string;
                        taxId: string | null;
                        currency: string;
                        holdStatus: "active" | "on_hold";
                        holdReason: string | null;
                        collector: {
                            /** Format: uuid */
                            userId: string;
                            name: string;
                        } | null;
                        tags: string[];
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        locale: "es" | "en";
                        paymentTermsDays: number;
                        creditLimit: number | null;
                        billingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        shippingAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        erpId: string | null;
                        onlinePayments: boolean;
                        hold: {
                            status: "active" | "on_hold";
                            reason: string | null;
                            customerMessage: string | null;
                            by: {
                                /** Format: uuid */
                                userId: string;
                                name: string;
                            } | null;
                            at: string | null;
                        };
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            role: string | null;
                            locale: "es" | "en";
                            receives: ("invoices" | "statements" | "reminders" | "receipts")[];
                        }[];
                        /** @description A document (invoice, credit memo, payment) names the customer: its currency can no longer change */
                        hasDocuments: boolean;
                        aging: {
                            current: number;
                            d1_30: number;
                            d31_60: number;
                            d61_90: number;
                            d90_plus: number;
                            currency: string;
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdActivity: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /**
                             * Format: date
                             * @description The business date: the document’s issue/received date for the entry that created it, otherwise the seller’s day it happened
                             */
                            date: string;
                            /** Format: date-time */
                            at: string;
                            action: string;
                            actor: {
                                name: string;
                            } | null;
                            entityType: string;
                            entityId: string;
                            summary: string;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInvoices: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                status?: "open" | "overdue" | "paid" | "partially_paid" | "unpaid" | "void" | "draft";
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                issuedFrom?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                issuedTo?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                dueFrom?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                dueTo?: string;
                minAmount?: number;
                maxAmount?: number;
                q?: string;
                sort?: "dueDate" | "-dueDate" | "issueDate" | "-issueDate" | "number" | "-number" | "total" | "-total" | "openAmount" | "-openAmount" | "customer" | "-customer";
                customerId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            erpId: string | null;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            issueDate: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            dueDate: string;
                            currency: string;
                            poNumber: string | null;
                            status: "draft" | "open" | "void";
                            paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                            overdue: boolean;
                            daysOverdue: number;
                            total: number;
                            openAmount: number;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInvoices: {
        parameters: {
            query?: never;
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId: string;
                    number: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    issueDate: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    dueDate?: string;
                    currency?: string;
                    poNumber?: string | null;
                    orderReference?: string | null;
                    notes?: string | null;
                    lines: {
                        sku?: string | null;
                        description: string;
                        /** @description a decimal string, e.g. "12.5" */
                        quantity: string;
                        unit?: string | null;
                        /** @description a decimal string, e.g. "12.5" */
                        unitPrice: string;
                        discountAmount?: number;
                        taxes?: {
                            name: string;
                            rate?: string | null;
                            amount?: number | null;
                        }[];
                    }[];
                    charges?: {
                        kind: "fee" | "tax";
                        name: string;
                        rate?: string | null;
                        amount?: number | null;
                    }[];
                    status?: "draft" | "open";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        erpId: string | null;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate: string;
                        currency: string;
                        poNumber: string | null;
                        status: "draft" | "open" | "void";
                        paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                        overdue: boolean;
                        daysOverdue: number;
                        total: number;
                        openAmount: number;
                        pendingAmount: number;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        notes: string | null;
                        lines: {
                            lineNo: number;
                            sku: string | null;
                            description: string;
                            quantity: string;
                            unit: string | null;
                            unitPrice: string;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax" | "discount";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                        payments: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            paymentId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        credits: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            creditMemoId: string;
                            number: string;
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        voidedAt: string | null;
                        voidReason: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        erpId: string | null;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate: string;
                        currency: string;
                        poNumber: string | null;
                        status: "draft" | "open" | "void";
                        paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                        overdue: boolean;
                        daysOverdue: number;
                        total: number;
                        openAmount: number;
                        pendingAmount: number;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        notes: string | null;
                        lines: {
                            lineNo: number;
                            sku: string | null;
                            description: string;
                            quantity: string;
                            unit: string | null;
                            unitPrice: string;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax" | "discount";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                        payments: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            paymentId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        credits: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            creditMemoId: string;
                            number: string;
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        voidedAt: string | null;
                        voidReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInvoicesNextNumber: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        number: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInvoicesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currency: string;
                    lines: {
                        sku?: string | null;
                        description: string;
                        /** @description a decimal string, e.g. "12.5" */
                        quantity: string;
                        unit?: string | null;
                        /** @description a decimal string, e.g. "12.5" */
                        unitPrice: string;
                        discountAmount?: number;
                        taxes?: {
                            name: string;
                            rate?: string | null;
                            amount?: number | null;
                        }[];
                    }[];
                    charges?: {
                        kind: "fee" | "tax";
                        name: string;
                        rate?: string | null;
                        amount?: number | null;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        total: number;
                        lines: {
                            lineNo: number;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInvoicesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        erpId: string | null;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate: string;
                        currency: string;
                        poNumber: string | null;
                        status: "draft" | "open" | "void";
                        paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                        overdue: boolean;
                        daysOverdue: number;
                        total: number;
                        openAmount: number;
                        pendingAmount: number;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        notes: string | null;
                        lines: {
                            lineNo: number;
                            sku: string | null;
                            description: string;
                            quantity: string;
                            unit: string | null;
                            unitPrice: string;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax" | "discount";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                        payments: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            paymentId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        credits: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            creditMemoId: string;
                            number: string;
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        voidedAt: string | null;
                        voidReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInvoicesByIdVoid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        erpId: string | null;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate: string;
                        currency: string;
                        poNumber: string | null;
                        status: "draft" | "open" | "void";
                        paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                        overdue: boolean;
                        daysOverdue: number;
                        total: number;
                        openAmount: number;
                        pendingAmount: number;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        notes: string | null;
                        lines: {
                            lineNo: number;
                            sku: string | null;
                            description: string;
                            quantity: string;
                            unit: string | null;
                            unitPrice: string;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax" | "discount";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                        payments: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            paymentId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        credits: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            creditMemoId: string;
                            number: string;
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        voidedAt: string | null;
                        voidReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalInvoices: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                status?: "open" | "overdue" | "paid" | "partially_paid" | "unpaid" | "void" | "draft";
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                issuedFrom?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                issuedTo?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                dueFrom?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                dueTo?: string;
                minAmount?: number;
                maxAmount?: number;
                q?: string;
                sort?: "dueDate" | "-dueDate" | "issueDate" | "-issueDate" | "number" | "-number" | "total" | "-total" | "openAmount" | "-openAmount" | "customer" | "-customer";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            erpId: string | null;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            issueDate: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            dueDate: string;
                            currency: string;
                            poNumber: string | null;
                            status: "draft" | "open" | "void";
                            paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                            overdue: boolean;
                            daysOverdue: number;
                            total: number;
                            openAmount: number;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalInvoicesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        erpId: string | null;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate: string;
                        currency: string;
                        poNumber: string | null;
                        status: "draft" | "open" | "void";
                        paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                        overdue: boolean;
                        daysOverdue: number;
                        total: number;
                        openAmount: number;
                        pendingAmount: number;
                        subtotal: number;
                        discountTotal: number;
                        taxTotal: number;
                        feeTotal: number;
                        notes: string | null;
                        lines: {
                            lineNo: number;
                            sku: string | null;
                            description: string;
                            quantity: string;
                            unit: string | null;
                            unitPrice: string;
                            discountAmount: number;
                            netAmount: number;
                            taxAmount: number;
                            totalAmount: number;
                            taxes: {
                                name: string;
                                rate: string | null;
                                amount: number;
                            }[];
                        }[];
                        charges: {
                            kind: "fee" | "tax" | "discount";
                            name: string;
                            rate: string | null;
                            amount: number;
                        }[];
                        payments: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            paymentId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        credits: {
                            /** Format: uuid */
                            applicationId: string;
                            /** Format: uuid */
                            creditMemoId: string;
                            number: string;
                            amount: number;
                            /** Format: date-time */
                            appliedAt: string;
                            unappliedAt: string | null;
                        }[];
                        voidedAt: string | null;
                        voidReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balances: {
                            currency: string;
                            total: number;
                            overdue: number;
                            notYetDue: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                        }[];
                        nextDue: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            /** Format: date */
                            dueDate: string;
                            openAmount: number;
                            currency: string;
                        } | null;
                        recentPayments: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /** Format: date */
                            receivedOn: string;
                            /** @enum {unknown} */
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            reference: string | null;
                            currency: string;
                            amount: number;
                            unappliedAmount: number;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        }[];
                        hold: {
                            status: "active" | "on_hold";
                            message: string | null;
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePayments: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
                customerId?: string;
                status?: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            reference: string | null;
                            currency: string;
                            amount: number;
                            unappliedAmount: number;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePayments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId: string;
                    amount: number;
                    currency?: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    receivedOn: string;
                    method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other";
                    reference?: string | null;
                    allocations?: "auto" | {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                        reference: string | null;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                        reversedAt: string | null;
                        reverseReason: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                        reference: string | null;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                        reversedAt: string | null;
                        reverseReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePaymentsAllocationPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId: string;
                    amount: number;
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            dueDate: string;
                            available: number;
                            amount: number;
                        }[];
                        unapplied: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePaymentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                        reference: string | null;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                        reversedAt: string | null;
                        reverseReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePaymentsByIdApplications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allocations: "auto" | {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                        reference: string | null;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                        reversedAt: string | null;
                        reverseReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePaymentApplicationsByIdUnapply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePaymentsByIdReverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                        reference: string | null;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                        reversedAt: string | null;
                        reverseReason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCreditMemos: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
                customerId?: string;
                status?: "open" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            issueDate: string;
                            currency: string;
                            amount: number;
                            unappliedAmount: number;
                            status: "open" | "void";
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            } | null;
                            reason: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCreditMemos: {
        parameters: {
            query?: never;
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId: string;
                    amount: number;
                    currency?: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    issueDate: string;
                    reason?: string | null;
                    invoiceId?: string | null;
                    number?: string | null;
                    allocations?: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        status: "open" | "void";
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                        } | null;
                        reason: string | null;
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        status: "open" | "void";
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                        } | null;
                        reason: string | null;
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCreditMemosById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        status: "open" | "void";
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                        } | null;
                        reason: string | null;
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCreditMemosByIdApplications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        currency: string;
                        amount: number;
                        unappliedAmount: number;
                        status: "open" | "void";
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                        } | null;
                        reason: string | null;
                        applications: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            unappliedAt: string | null;
                            unapplyReason: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCreditApplicationsByIdUnapply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalPayments: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
                status?: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            receivedOn: string;
                            method: "check" | "cash" | "bank_transfer" | "card_terminal" | "other" | "card" | "ach";
                            reference: string | null;
                            currency: string;
                            amount: number;
                            unappliedAmount: number;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalPayments: {
        parameters: {
            query?: never;
            header: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                    /** Format: uuid */
                    paymentMethodId?: string;
                    methodToken?: string;
                    saveMethod?: boolean;
                    achAuthorizationAccepted?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalCreditMemos: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                q?: string;
                status?: "open" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            issueDate: string;
                            currency: string;
                            amount: number;
                            unappliedAmount: number;
                            status: "open" | "void";
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            } | null;
                            reason: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleReportsAging: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD; default today in the org’s time zone */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        currencies: {
                            currency: string;
                            buckets: {
                                current: number;
                                d1_30: number;
                                d31_60: number;
                                d61_90: number;
                                d90_plus: number;
                            };
                            total: number;
                            unappliedCash: number;
                            unappliedCredits: number;
                            balance: number;
                            customers: {
                                /** Format: uuid */
                                customerId: string;
                                name: string;
                                accountNumber: string;
                                buckets: {
                                    current: number;
                                    d1_30: number;
                                    d31_60: number;
                                    d61_90: number;
                                    d90_plus: number;
                                };
                                total: number;
                                unappliedCash: number;
                                unappliedCredits: number;
                                balance: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleReportsAgingCsv: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD; default today in the org’s time zone */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleReportsAgingXlsx: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD; default today in the org’s time zone */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInvoicesByIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCreditMemosByIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePaymentsByIdReceiptPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accentColor: string;
                        footerText: string;
                        showSku: boolean;
                        showUnit: boolean;
                        showDiscount: boolean;
                        showTaxDetail: boolean;
                        showPoNumber: boolean;
                        hasLogo: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accentColor: string;
                    footerText: string;
                    showSku: boolean;
                    showUnit: boolean;
                    showDiscount: boolean;
                    showTaxDetail: boolean;
                    showPoNumber: boolean;
                    hasLogo?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accentColor: string;
                        footerText: string;
                        showSku: boolean;
                        showUnit: boolean;
                        showDiscount: boolean;
                        showTaxDetail: boolean;
                        showPoNumber: boolean;
                        hasLogo: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsDocumentsLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accentColor: string;
                        footerText: string;
                        showSku: boolean;
                        showUnit: boolean;
                        showDiscount: boolean;
                        showTaxDetail: boolean;
                        showPoNumber: boolean;
                        hasLogo: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleSettingsDocumentsLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accentColor: string;
                        footerText: string;
                        showSku: boolean;
                        showUnit: boolean;
                        showDiscount: boolean;
                        showTaxDetail: boolean;
                        showPoNumber: boolean;
                        hasLogo: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleSettingsDocumentsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accentColor: string;
                    footerText: string;
                    showSku: boolean;
                    showUnit: boolean;
                    showDiscount: boolean;
                    showTaxDetail: boolean;
                    showPoNumber: boolean;
                    hasLogo?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsDocumentsPreviewPdf: {
        parameters: {
            query: {
                accentColor: string;
                footerText: string;
                showSku: boolean;
                showUnit: boolean;
                showDiscount: boolean;
                showTaxDetail: boolean;
                showPoNumber: boolean;
                hasLogo?: boolean;
                v?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalInvoicesByIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalCreditMemosByIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalPaymentsByIdReceiptPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalPaymentOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        blockedReason: ("seller_off" | "customer_off" | "role" | "no_methods") | null;
                        holdMessage: string | null;
                        processor: "sandbox" | "stripe";
                        methods: ("card" | "ach")[];
                        partial: {
                            allowed: boolean;
                            minimum: number | null;
                        };
                        cardFee: {
                            percentBps: number;
                            cap: number | null;
                        } | null;
                        achAuthorization: string;
                        savedMethods: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            expMonth: number | null;
                            expYear: number | null;
                            bankName: string | null;
                            accountType: string | null;
                            usedByAutopay: boolean;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalPaymentsQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        amount: number;
                        fee: number;
                        total: number;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amount: number;
                            payable: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalPaymentMethodsEntry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    returnPath: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "redirect";
                        url: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalPaymentsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        method: string;
                        source: "manual" | "portal" | "staff" | "autopay" | "pay_link" | "credit_check" | "erp";
                        amount: number;
                        fee: number;
                        total: number;
                        refundedAmount: number;
                        currency: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        /** Format: date-time */
                        createdAt: string;
                        paymentMethod: {
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        } | null;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        returnReason: {
                            code: string;
                            message: string;
                        } | null;
                        expectedSettlement: string | null;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amount: number;
                            applied: boolean;
                        }[];
                        timeline: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            detail: string | null;
                        }[];
                        receiptUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePortalPaymentMethodsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePaymentsByIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        method: string;
                        source: "manual" | "portal" | "staff" | "autopay" | "pay_link" | "credit_check" | "erp";
                        amount: number;
                        fee: number;
                        total: number;
                        refundedAmount: number;
                        currency: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        /** Format: date-time */
                        createdAt: string;
                        paymentMethod: {
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        } | null;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        returnReason: {
                            code: string;
                            message: string;
                        } | null;
                        expectedSettlement: string | null;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amount: number;
                            applied: boolean;
                        }[];
                        timeline: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            detail: string | null;
                            refundId: string | null;
                        }[];
                        receiptUrl: string | null;
                        refunds: {
                            /** Format: uuid */
                            id: string;
                            amount: number;
                            status: "initiated" | "pending" | "succeeded" | "failed";
                            reason: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        refundable: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePaymentsByIdRefunds: {
        parameters: {
            query?: never;
            header: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        refundId: string;
                        status: "initiated" | "pending" | "succeeded" | "failed";
                        amount: number;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        refundId: string;
                        status: "initiated" | "pending" | "succeeded" | "failed";
                        amount: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdPaymentOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        enabled: boolean;
                        blockedReason: ("seller_off" | "customer_off" | "no_methods") | null;
                        holdMessage: string | null;
                        processor: "sandbox" | "stripe";
                        methods: ("card" | "ach")[];
                        partial: {
                            allowed: boolean;
                            minimum: number | null;
                        };
                        cardFee: {
                            percentBps: number;
                            cap: number | null;
                        } | null;
                        achAuthorization: string;
                        savedMethods: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            expMonth: number | null;
                            expYear: number | null;
                            bankName: string | null;
                            accountType: string | null;
                            usedByAutopay: boolean;
                        }[];
                        invoices: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            erpId: string | null;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            issueDate: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            dueDate: string;
                            currency: string;
                            poNumber: string | null;
                            status: "draft" | "open" | "void";
                            paymentStatus: "unpaid" | "partially_paid" | "payment_pending" | "paid";
                            overdue: boolean;
                            daysOverdue: number;
                            total: number;
                            openAmount: number;
                            payable: number;
                        }[];
                        truncated: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdPaymentsQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        amount: number;
                        fee: number;
                        total: number;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amount: number;
                            payable: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdPaymentMethodsEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    returnPath: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "redirect";
                        url: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCustomersByIdOnlinePayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdOnlinePayments: {
        parameters: {
            query?: never;
            header: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    allocations: {
                        /** Format: uuid */
                        invoiceId: string;
                        amount: number;
                    }[];
                    /** Format: uuid */
                    paymentMethodId?: string;
                    methodToken?: string;
                    saveMethod?: boolean;
                    achAuthorizationRead?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsPayments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        processor: "sandbox" | "stripe";
                        onlineInvoices: boolean;
                        methods: ("card" | "ach")[];
                        erpAccounts: {
                            card: string | null;
                            ach: string | null;
                        };
                        partialAllowed: boolean;
                        partialMinimum: number | null;
                        cardFeeBps: number;
                        cardFeeCap: number | null;
                        autopayText: {
                            es: string | null;
                            en: string | null;
                        };
                        stripe: {
                            publishableKey: string;
                            secretKeyLast4: string;
                            hasWebhookSecret: boolean;
                        } | null;
                        webhookUrl: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsPayments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    processor: "sandbox" | "stripe";
                    onlineInvoices: boolean;
                    methods: ("card" | "ach")[];
                    erpAccounts: {
                        card: string | null;
                        ach: string | null;
                    };
                    partialAllowed: boolean;
                    partialMinimum: number | null;
                    cardFeeBps: number;
                    cardFeeCap: number | null;
                    autopayText: {
                        es: string | null;
                        en: string | null;
                    };
                    stripe?: {
                        publishableKey: string;
                        secretKey?: string | null;
                        webhookSecret?: string | null;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        processor: "sandbox" | "stripe";
                        onlineInvoices: boolean;
                        methods: ("card" | "ach")[];
                        erpAccounts: {
                            card: string | null;
                            ach: string | null;
                        };
                        partialAllowed: boolean;
                        partialMinimum: number | null;
                        cardFeeBps: number;
                        cardFeeCap: number | null;
                        autopayText: {
                            es: string | null;
                            en: string | null;
                        };
                        stripe: {
                            publishableKey: string;
                            secretKeyLast4: string;
                            hasWebhookSecret: boolean;
                        } | null;
                        webhookUrl: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: boolean;
                        unavailableReason: string | null;
                        authorizationText: string;
                        currency: string;
                        methods: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            expMonth: number | null;
                            expYear: number | null;
                            bankName: string | null;
                            accountType: string | null;
                            usedByAutopay: boolean;
                        }[];
                        enrollment: {
                            /** Format: uuid */
                            id: string;
                            status: "active" | "paused" | "cancelled";
                            pauseReason: ("customer" | "staff" | "method_unusable") | null;
                            paymentMethod: {
                                /** Format: uuid */
                                id: string;
                                kind: "card" | "ach";
                                brand: string | null;
                                last4: string;
                                bankName: string | null;
                            };
                            timing: "due_date" | "days_before";
                            daysBefore: number | null;
                            scope: "all_due" | "overdue_only";
                            maxPerCharge: number | null;
                            currency: string;
                            authorization: {
                                text: string;
                                locale: "es" | "en";
                                /** Format: date-time */
                                acceptedAt: string;
                                acceptedBy: {
                                    kind: "customer" | "staff";
                                    name: string;
                                    email: string;
                                };
                                ip: string | null;
                                userAgent: string | null;
                            };
                            pausedAt: string | null;
                            cancelledAt: string | null;
                            nextCharge: {
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                on: string;
                                amount: number;
                                invoiceCount: number;
                            } | null;
                            history: {
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                on: string;
                                paymentId: string | null;
                                number: string | null;
                                amount: number;
                                status: string;
                                attempt: number;
                                failure: {
                                    code: string;
                                    message: string;
                                    retryable: boolean;
                                } | null;
                                nextRetryOn: string | null;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPortalAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    paymentMethodId: string;
                    timing: "due_date" | "days_before";
                    daysBefore: number | null;
                    scope: "all_due" | "overdue_only";
                    maxPerCharge: number | null;
                    /** @enum {boolean} */
                    authorizationAccepted: true;
                    authorizationText: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePortalAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalAutopayPause: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalAutopayResume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        noticeDays: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    noticeDays: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        noticeDays: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByCustomerIdAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: boolean;
                        unavailableReason: string | null;
                        authorizationText: string;
                        currency: string;
                        methods: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            expMonth: number | null;
                            expYear: number | null;
                            bankName: string | null;
                            accountType: string | null;
                            usedByAutopay: boolean;
                        }[];
                        enrollment: {
                            /** Format: uuid */
                            id: string;
                            status: "active" | "paused" | "cancelled";
                            pauseReason: ("customer" | "staff" | "method_unusable") | null;
                            paymentMethod: {
                                /** Format: uuid */
                                id: string;
                                kind: "card" | "ach";
                                brand: string | null;
                                last4: string;
                                bankName: string | null;
                            };
                            timing: "due_date" | "days_before";
                            daysBefore: number | null;
                            scope: "all_due" | "overdue_only";
                            maxPerCharge: number | null;
                            currency: string;
                            authorization: {
                                text: string;
                                locale: "es" | "en";
                                /** Format: date-time */
                                acceptedAt: string;
                                acceptedBy: {
                                    kind: "customer" | "staff";
                                    name: string;
                                    email: string;
                                };
                                ip: string | null;
                                userAgent: string | null;
                            };
                            pausedAt: string | null;
                            cancelledAt: string | null;
                            nextCharge: {
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                on: string;
                                amount: number;
                                invoiceCount: number;
                            } | null;
                            history: {
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                on: string;
                                paymentId: string | null;
                                number: string | null;
                                amount: number;
                                status: string;
                                attempt: number;
                                failure: {
                                    code: string;
                                    message: string;
                                    retryable: boolean;
                                } | null;
                                nextRetryOn: string | null;
                            }[];
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCustomersByCustomerIdAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    paymentMethodId: string;
                    timing: "due_date" | "days_before";
                    daysBefore: number | null;
                    scope: "all_due" | "overdue_only";
                    maxPerCharge: number | null;
                    /** @enum {boolean} */
                    authorizationAccepted: true;
                    authorizationText: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleCustomersByCustomerIdAutopay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByCustomerIdAutopayPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByCustomerIdAutopayResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        status: "active" | "paused" | "cancelled";
                        pauseReason: ("customer" | "staff" | "method_unusable") | null;
                        paymentMethod: {
                            /** Format: uuid */
                            id: string;
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        };
                        timing: "due_date" | "days_before";
                        daysBefore: number | null;
                        scope: "all_due" | "overdue_only";
                        maxPerCharge: number | null;
                        currency: string;
                        authorization: {
                            text: string;
                            locale: "es" | "en";
                            /** Format: date-time */
                            acceptedAt: string;
                            acceptedBy: {
                                kind: "customer" | "staff";
                                name: string;
                                email: string;
                            };
                            ip: string | null;
                            userAgent: string | null;
                        };
                        pausedAt: string | null;
                        cancelledAt: string | null;
                        nextCharge: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            amount: number;
                            invoiceCount: number;
                        } | null;
                        history: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            on: string;
                            paymentId: string | null;
                            number: string | null;
                            amount: number;
                            status: string;
                            attempt: number;
                            failure: {
                                code: string;
                                message: string;
                                retryable: boolean;
                            } | null;
                            nextRetryOn: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDeposits: {
        parameters: {
            query: {
                kind?: "card" | "ach";
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                from?: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                to?: string;
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deposits: {
                            /** Format: uuid */
                            id: string;
                            processor: "sandbox" | "stripe";
                            payoutId: string;
                            kind: "card" | "ach";
                            currency: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            arrivalDate: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            coversFrom: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            coversTo: string;
                            charges: number;
                            refunds: number;
                            returns: number;
                            adjustments: number;
                            gross: number;
                            fees: number;
                            net: number;
                            status: "reconciled" | "unmatched";
                            reportSentAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleDepositsSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        skipped: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDepositsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deposit: {
                            /** Format: uuid */
                            id: string;
                            processor: "sandbox" | "stripe";
                            payoutId: string;
                            kind: "card" | "ach";
                            currency: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            arrivalDate: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            coversFrom: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            coversTo: string;
                            charges: number;
                            refunds: number;
                            returns: number;
                            adjustments: number;
                            gross: number;
                            fees: number;
                            net: number;
                            status: "reconciled" | "unmatched";
                            reportSentAt: string | null;
                        };
                        lines: {
                            lineNo: number;
                            type: "charge" | "refund" | "return" | "dispute" | "fee" | "adjustment";
                            processorPaymentId: string | null;
                            amount: number;
                            fee: number;
                            net: number;
                            paymentId: string | null;
                            refundId: string | null;
                            paymentNumber: string | null;
                            customerId: string | null;
                            customerName: string | null;
                            source: string | null;
                        }[];
                        journalEntryId: string | null;
                        journal: {
                            account: string;
                            amount: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDepositsByIdReportsByFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                file: "payments-initiated.csv" | "payments-initiated.xlsx" | "payments-deposited.csv" | "payments-deposited.xlsx";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDepositReports: {
        parameters: {
            query: {
                file: "payments-initiated.csv" | "payments-initiated.xlsx" | "payments-deposited.csv" | "payments-deposited.xlsx";
                kind: "card" | "ach";
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                from: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDepositRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        emails: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleDepositRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    emails: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        emails: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postWebhooksByProcessorByOrgId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                processor: "sandbox" | "stripe";
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                        outcome: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCreditChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Exactly one of id, erpId, accountNumber. */
                    customer: {
                        /** Format: uuid */
                        id?: string;
                        erpId?: string;
                        accountNumber?: string;
                    };
                    orderReference: string;
                    /** @description Minor units (cents). */
                    orderAmount: number;
                    currency: string;
                    payLinkDays?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        decision: "approved" | "payment_required";
                        /** Format: uuid */
                        customerId: string;
                        orderReference: string;
                        currency: string;
                        orderAmount: number;
                        creditLimit: number | null;
                        availableCredit: number | null;
                        amountToPay: number;
                        payLink: {
                            url: string;
                            /** Format: date-time */
                            expiresAt: string;
                        } | null;
                        payLinkUnavailable: ("seller_off" | "customer_off" | "no_methods") | null;
                        /** Format: date-time */
                        checkedAt: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        decision: "approved" | "payment_required";
                        /** Format: uuid */
                        customerId: string;
                        orderReference: string;
                        currency: string;
                        orderAmount: number;
                        creditLimit: number | null;
                        availableCredit: number | null;
                        amountToPay: number;
                        payLink: {
                            url: string;
                            /** Format: date-time */
                            expiresAt: string;
                        } | null;
                        payLinkUnavailable: ("seller_off" | "customer_off" | "no_methods") | null;
                        /** Format: date-time */
                        checkedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayLinksByTokenInvoicesByInvoiceIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayLinksByToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        state: "open" | "processing" | "paid";
                        seller: {
                            name: string;
                        };
                        customer: {
                            name: string;
                        };
                        purpose: "order" | "invoices";
                        orderReference: string | null;
                        invoices: {
                            number: string;
                            amount: number;
                            detail?: {
                                issueDate: string;
                                dueDate: string;
                                total: number;
                                openAmount: number;
                                pdfUrl: string;
                                lines: {
                                    description: string;
                                    quantity: string;
                                    unitPrice: string;
                                    netAmount: number;
                                }[];
                            };
                        }[];
                        sentByMail?: boolean;
                        partial?: {
                            allowed: boolean;
                            minimum: number | null;
                        };
                        amount: number;
                        currency: string;
                        /** Format: date-time */
                        expiresAt: string;
                        blockedReason: ("seller_off" | "customer_off" | "no_methods") | null;
                        methods: ("card" | "ach")[];
                        fees: {
                            card: number;
                            ach: number;
                        };
                        achAuthorization: string;
                        payment: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        } | null;
                        receiptUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPayLinksByTokenEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "redirect";
                        url: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPayLinksByTokenPayments: {
        parameters: {
            query?: never;
            header: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key": string;
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "card" | "ach";
                    methodToken: string;
                    achAuthorizationAccepted?: boolean;
                    amount?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        amount: number;
                        fee: number;
                        total: number;
                        currency: string;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        actionUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayLinksByTokenPaymentsByPaymentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: string;
                        /** @enum {string} */
                        status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                        method: string;
                        source: "manual" | "portal" | "staff" | "autopay" | "pay_link" | "credit_check" | "erp";
                        amount: number;
                        fee: number;
                        total: number;
                        refundedAmount: number;
                        currency: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        /** Format: date-time */
                        createdAt: string;
                        paymentMethod: {
                            kind: "card" | "ach";
                            brand: string | null;
                            last4: string;
                            bankName: string | null;
                        } | null;
                        failure: {
                            code: string;
                            message: string;
                            retryable: boolean;
                        } | null;
                        returnReason: {
                            code: string;
                            message: string;
                        } | null;
                        expectedSettlement: string | null;
                        allocations: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amount: number;
                            applied: boolean;
                        }[];
                        timeline: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            detail: string | null;
                        }[];
                        receiptUrl: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPayLinksByTokenReceiptPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdCreditChecks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        creditChecks: {
                            /** Format: uuid */
                            id: string;
                            orderReference: string;
                            orderAmount: number;
                            currency: string;
                            creditLimit: number | null;
                            balance: number;
                            pendingOrders: number;
                            prepaid: number;
                            availableCredit: number | null;
                            decision: "approved" | "payment_required";
                            amountToPay: number;
                            payLinkId: string | null;
                            payLinkUnavailable: string | null;
                            /** Format: date-time */
                            checkedAt: string;
                        }[];
                        payLinks: {
                            /** Format: uuid */
                            id: string;
                            purpose: "order" | "invoices";
                            orderReference: string | null;
                            invoices: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                amount: number;
                            }[];
                            amount: number;
                            currency: string;
                            state: "open" | "processing" | "paid" | "expired" | "cancelled";
                            cancelReason: ("superseded" | "staff") | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            payment: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                /** @enum {string} */
                                status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            } | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePayLinksByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsCreditChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        onlineOrders: boolean;
                        orderPayment: "excess" | "whole";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsCreditChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    onlineOrders: boolean;
                    orderPayment: "excess" | "whole";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        onlineOrders: boolean;
                        orderPayment: "excess" | "whole";
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePayNowEmails: {
        parameters: {
            query?: never;
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceIds: string[];
                    contactIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        payLinkId: string;
                        /** Format: uuid */
                        customerId: string;
                        /** Format: date-time */
                        expiresAt: string;
                        recipients: string[];
                        invoices: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            amount: number;
                        }[];
                        amount: number;
                        currency: string;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        payLinkId: string;
                        /** Format: uuid */
                        customerId: string;
                        /** Format: date-time */
                        expiresAt: string;
                        recipients: string[];
                        invoices: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            amount: number;
                        }[];
                        amount: number;
                        currency: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdPayNow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: {
                            /** Format: uuid */
                            id: string;
                            state: "open" | "processing" | "paid" | "expired" | "cancelled";
                            invoices: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                amount: number;
                            }[];
                            amount: number;
                            currency: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            payment: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                /** @enum {string} */
                                status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            } | null;
                            messages: {
                                /** Format: uuid */
                                id: string;
                                to: string;
                                status: "queued" | "sent" | "failed";
                                fallbackOf: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        }[];
                        contacts: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            email: string;
                            receivesInvoices: boolean;
                        }[];
                        linkDays: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInvoicesByIdPayNowLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: {
                            /** Format: uuid */
                            id: string;
                            state: "open" | "processing" | "paid" | "expired" | "cancelled";
                            invoices: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                amount: number;
                            }[];
                            amount: number;
                            currency: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            payment: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                /** @enum {string} */
                                status: "initiated" | "processing" | "requires_action" | "pending" | "completed" | "failed" | "returned" | "refunded" | "disputed" | "reversed";
                            } | null;
                            messages: {
                                /** Format: uuid */
                                id: string;
                                to: string;
                                status: "queued" | "sent" | "failed";
                                fallbackOf: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdMessages: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            template: string;
                            to: string;
                            subject: string;
                            status: "queued" | "sent" | "failed" | "fallback";
                            transport: ("smtp" | "capture") | null;
                            attempts: number;
                            lastError: string | null;
                            sensitive: boolean;
                            attachments: number;
                            fallbackOf: string | null;
                            fallbackTo: string | null;
                            payLinkId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsPayNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkDays: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsPayNow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    linkDays: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        linkDays: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleImportsInspect: {
        parameters: {
            query: {
                kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                name: string;
                profileId?: string;
            };
            header?: {
                /** @description The settings as base64url-encoded JSON: any of `format`, `encoding` (utf-8, windows-1252), `delimiter`, `sheet`, `decimalMark` (`.` or `,`), `dateFormat` (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd), `mapping` (field → the file’s column header) and `mode` (all, rows). */
                "saldo-import-settings"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        format: "csv" | "xlsx" | "json" | "ubl";
                        encoding: ("utf-8" | "windows-1252") | null;
                        detectedEncoding: ("utf-8" | "windows-1252") | null;
                        delimiter: string | null;
                        detectedDelimiter: string | null;
                        sheets: string[];
                        header: string[];
                        kindHint: ("customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging") | null;
                        fields: {
                            name: string;
                            type: string;
                            required: boolean;
                            values?: string[];
                        }[];
                        suggested: {
                            mapping: {
                                [key: string]: string;
                            };
                            unmatchedRequired: string[];
                        };
                        settings: {
                            format: "csv" | "xlsx" | "json" | "ubl";
                            encoding?: "utf-8" | "windows-1252";
                            delimiter?: string;
                            sheet?: string;
                            decimalMark: "." | ",";
                            dateFormat: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd";
                            mapping: {
                                [key: string]: string;
                            };
                            mode: "all" | "rows";
                        };
                        missingRequired: string[];
                        rows: {
                            line: number;
                            cells: {
                                field: string;
                                raw: string | null;
                                value: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                            }[];
                            overflow: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImports: {
        parameters: {
            query: {
                kind?: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleImports: {
        parameters: {
            query: {
                kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                name: string;
                profileId?: string;
                mode?: "all" | "rows";
            };
            header?: {
                /** @description The settings as base64url-encoded JSON: any of `format`, `encoding` (utf-8, windows-1252), `delimiter`, `sheet`, `decimalMark` (`.` or `,`), `dateFormat` (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd), `mapping` (field → the file’s column header) and `mode` (all, rows). */
                "saldo-import-settings"?: string;
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                        channel: "console" | "cli" | "drop_folder" | "api";
                        fileName: string;
                        fileSize: number;
                        status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                        progress: number;
                        rowsDone: number;
                        summary: {
                            rows: number;
                            documents: number;
                            created: number;
                            updated: number;
                            unchanged: number;
                            rejected: number;
                            flagged: number;
                            voided: number;
                            sums: {
                                currency: string;
                                amount: string;
                            }[];
                            committed: boolean;
                            errors: number;
                        } | null;
                        errorCount: number;
                        failureCode: string | null;
                        failureMessage: string | null;
                        duplicateOf: {
                            /** Format: uuid */
                            id: string;
                            finishedAt: string | null;
                        } | null;
                        profileId: string | null;
                        startedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                        channel: "console" | "cli" | "drop_folder" | "api";
                        fileName: string;
                        fileSize: number;
                        status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                        progress: number;
                        rowsDone: number;
                        summary: {
                            rows: number;
                            documents: number;
                            created: number;
                            updated: number;
                            unchanged: number;
                            rejected: number;
                            flagged: number;
                            voided: number;
                            sums: {
                                currency: string;
                                amount: string;
                            }[];
                            committed: boolean;
                            errors: number;
                        } | null;
                        errorCount: number;
                        failureCode: string | null;
                        failureMessage: string | null;
                        duplicateOf: {
                            /** Format: uuid */
                            id: string;
                            finishedAt: string | null;
                        } | null;
                        profileId: string | null;
                        startedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                        channel: "console" | "cli" | "drop_folder" | "api";
                        fileName: string;
                        fileSize: number;
                        status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                        progress: number;
                        rowsDone: number;
                        summary: {
                            rows: number;
                            documents: number;
                            created: number;
                            updated: number;
                            unchanged: number;
                            rejected: number;
                            flagged: number;
                            voided: number;
                            sums: {
                                currency: string;
                                amount: string;
                            }[];
                            committed: boolean;
                            errors: number;
                        } | null;
                        errorCount: number;
                        failureCode: string | null;
                        failureMessage: string | null;
                        duplicateOf: {
                            /** Format: uuid */
                            id: string;
                            finishedAt: string | null;
                        } | null;
                        profileId: string | null;
                        startedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        startedAt: string | null;
                        finishedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportsByIdErrors: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        errors: {
                            line: number | null;
                            column: string | null;
                            code: string;
                            params: {
                                [key: string]: string | number;
                            };
                            message: string;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportsByIdErrorsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportProfiles: {
        parameters: {
            query?: {
                kind?: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        profiles: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            name: string;
                            settings: {
                                format: "csv" | "xlsx" | "json" | "ubl";
                                encoding?: "utf-8" | "windows-1252";
                                delimiter?: string;
                                sheet?: string;
                                decimalMark: "." | ",";
                                dateFormat: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd";
                                mapping: {
                                    [key: string]: string;
                                };
                                mode: "all" | "rows";
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleImportProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                    name: string;
                    settings: {
                        format: "csv" | "xlsx" | "json" | "ubl";
                        encoding?: "utf-8" | "windows-1252";
                        delimiter?: string;
                        sheet?: string;
                        decimalMark: "." | ",";
                        dateFormat: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd";
                        mapping: {
                            [key: string]: string;
                        };
                        mode: "all" | "rows";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                        name: string;
                        settings: {
                            format: "csv" | "xlsx" | "json" | "ubl";
                            encoding?: "utf-8" | "windows-1252";
                            delimiter?: string;
                            sheet?: string;
                            decimalMark: "." | ",";
                            dateFormat: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd";
                            mapping: {
                                [key: string]: string;
                            };
                            mode: "all" | "rows";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                        name: string;
                        settings: {
                            format: "csv" | "xlsx" | "json" | "ubl";
                            encoding?: "utf-8" | "windows-1252";
                            delimiter?: string;
                            sheet?: string;
                            decimalMark: "." | ",";
                            dateFormat: "dd/mm/yyyy" | "mm/dd/yyyy" | "yyyy-mm-dd";
                            mapping: {
                                [key: string]: string;
                            };
                            mode: "all" | "rows";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleImportProfilesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleImportReviews: {
        parameters: {
            query: {
                status?: "open" | "resolved" | "dismissed";
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviews: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            importId: string;
                            kind: "invoice" | "credit_memo" | "payment" | "aging";
                            documentId: string | null;
                            erpId: string | null;
                            reason: string;
                            message: string;
                            params: {
                                [key: string]: string | number;
                            };
                            status: "open" | "resolved" | "dismissed";
                            /** Format: date-time */
                            createdAt: string;
                            resolvedAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleImportReviewsByIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    resolution: "resolved" | "dismissed";
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleImportReviewsByIdCorrect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            amount: number;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCustomersBatch: {
        parameters: {
            query?: {
                mode?: "rows" | "all";
            };
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        erpId: string;
                        accountNumber?: string;
                        name: string;
                        taxId?: string;
                        currency?: string;
                        locale?: "es" | "en";
                        paymentTermsDays?: number;
                        /** @description A decimal in major units, e.g. "1234.56". */
                        creditLimit?: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                        /** Format: email */
                        collectorEmail?: string;
                        billingLine1?: string;
                        billingLine2?: string;
                        billingCity?: string;
                        billingRegion?: string;
                        billingPostalCode?: string;
                        billingCountry?: string;
                        tags?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                        errors: {
                            index: number | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postInvoicesBatch: {
        parameters: {
            query?: {
                mode?: "rows" | "all";
            };
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        number: string;
                        erpId?: string;
                        customerErpId: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        dueDate?: string;
                        currency?: string;
                        poNumber?: string;
                        orderReference?: string;
                        status?: "open" | "void";
                        /** @description A decimal in major units, e.g. "1234.56". */
                        total?: string;
                        notes?: string;
                        lines: {
                            sku?: string;
                            description: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            quantity: string;
                            unit?: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            unitPrice: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            discount?: string;
                            taxName?: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            taxRate?: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            taxAmount?: string;
                        }[];
                        fees?: {
                            name: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            amount: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                        errors: {
                            index: number | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postCreditMemosBatch: {
        parameters: {
            query?: {
                mode?: "rows" | "all";
            };
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        number: string;
                        erpId?: string;
                        customerErpId: string;
                        invoiceNumber?: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        issueDate: string;
                        currency?: string;
                        /** @description A decimal in major units, e.g. "1234.56". */
                        amount: string;
                        reason?: string;
                        status?: "open" | "void";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                        errors: {
                            index: number | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPaymentsBatch: {
        parameters: {
            query?: {
                mode?: "rows" | "all";
            };
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        erpId: string;
                        customerErpId: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        receivedOn: string;
                        /** @description A decimal in major units, e.g. "1234.56". */
                        amount: string;
                        currency?: string;
                        method?: "check" | "cash" | "bank_transfer" | "card_terminal" | "other";
                        reference?: string;
                        applications?: {
                            invoiceNumber?: string;
                            /** @description A decimal in major units, e.g. "1234.56". */
                            amount?: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                        errors: {
                            index: number | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postHoldsBatch: {
        parameters: {
            query?: {
                mode?: "rows" | "all";
            };
            header?: {
                /** @description Printable ASCII without spaces, e.g. a UUID; one per thing you mean to create. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        customerErpId: string;
                        status: "on_hold" | "active";
                        reason?: string;
                        customerMessage?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        import: {
                            /** Format: uuid */
                            id: string;
                            kind: "customers" | "contacts" | "invoices" | "credit_memos" | "payments" | "holds" | "aging";
                            channel: "console" | "cli" | "drop_folder" | "api";
                            fileName: string;
                            fileSize: number;
                            status: "queued" | "running" | "completed" | "rejected" | "failed" | "interrupted";
                            progress: number;
                            rowsDone: number;
                            summary: {
                                rows: number;
                                documents: number;
                                created: number;
                                updated: number;
                                unchanged: number;
                                rejected: number;
                                flagged: number;
                                voided: number;
                                sums: {
                                    currency: string;
                                    amount: string;
                                }[];
                                committed: boolean;
                                errors: number;
                            } | null;
                            errorCount: number;
                            failureCode: string | null;
                            failureMessage: string | null;
                            duplicateOf: {
                                /** Format: uuid */
                                id: string;
                                finishedAt: string | null;
                            } | null;
                            profileId: string | null;
                            startedBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                        errors: {
                            index: number | null;
                            field: string | null;
                            code: string;
                            message: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleWebhooksEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[] | null;
                            enabled: boolean;
                            /** @description The last four characters of the signing secret */
                            secretLast4: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        eventTypes: ("invoice.paid" | "invoice.voided" | "payment.succeeded" | "payment.failed" | "payment.returned" | "credit.applied" | "customer.hold_changed" | "import.finished" | "invoice.disputed" | "invoice.dispute_resolved")[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleWebhooksEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    description?: string;
                    eventTypes?: ("invoice.paid" | "invoice.voided" | "payment.succeeded" | "payment.failed" | "payment.returned" | "credit.applied" | "customer.hold_changed" | "import.finished" | "invoice.disputed" | "invoice.dispute_resolved")[] | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[] | null;
                            enabled: boolean;
                            /** @description The last four characters of the signing secret */
                            secretLast4: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** @description The signing secret (`whsec_…`): this answer holds its only copy */
                        secret: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteConsoleWebhooksEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchConsoleWebhooksEndpointsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    description?: string;
                    eventTypes?: ("invoice.paid" | "invoice.voided" | "payment.succeeded" | "payment.failed" | "payment.returned" | "credit.applied" | "customer.hold_changed" | "import.finished" | "invoice.disputed" | "invoice.dispute_resolved")[] | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        description: string;
                        eventTypes: string[] | null;
                        enabled: boolean;
                        /** @description The last four characters of the signing secret */
                        secretLast4: string;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleWebhooksEndpointsByIdRollSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[] | null;
                            enabled: boolean;
                            /** @description The last four characters of the signing secret */
                            secretLast4: string;
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** @description The signing secret (`whsec_…`): this answer holds its only copy */
                        secret: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleWebhooksEndpointsByIdTest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        eventId: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleWebhooksDeliveries: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                endpointId?: string;
                status?: "pending" | "delivered" | "failed";
                eventType?: "invoice.paid" | "invoice.voided" | "payment.succeeded" | "payment.failed" | "payment.returned" | "credit.applied" | "customer.hold_changed" | "import.finished" | "invoice.disputed" | "invoice.dispute_resolved" | "webhook.test";
                eventId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            endpointId: string;
                            endpointUrl: string;
                            /** Format: uuid */
                            eventId: string;
                            eventType: string;
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastAttemptAt: string | null;
                            lastStatusCode: number | null;
                            deliveredAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleWebhooksDeliveriesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        endpointId: string;
                        endpointUrl: string;
                        /** Format: uuid */
                        eventId: string;
                        eventType: string;
                        status: "pending" | "delivered" | "failed";
                        attempts: number;
                        nextAttemptAt: string | null;
                        lastAttemptAt: string | null;
                        lastStatusCode: number | null;
                        deliveredAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The exact JSON body every attempt sends */
                        body: string;
                        attemptsLog: {
                            attempt: number;
                            manual: boolean;
                            /** Format: date-time */
                            startedAt: string;
                            durationMs: number;
                            statusCode: number | null;
                            requestHeaders: {
                                [key: string]: string;
                            };
                            responseBody: string | null;
                            error: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleWebhooksDeliveriesByIdRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleErpSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        settings: {
                            frequency: "off" | "hourly" | "every_4_hours" | "daily";
                            /** @description HH:MM, local time */
                            dailyAt: string;
                            marking: "automatic" | "manual";
                            csv: {
                                delimiter: "," | ";";
                                decimalMark: "." | ",";
                                dates: "iso" | "dmy" | "mdy";
                            };
                            erpAccounts: {
                                check: string | null;
                                cash: string | null;
                                bank_transfer: string | null;
                                card_terminal: string | null;
                                other: string | null;
                            };
                            recipients: string[];
                        };
                        onlineErpAccounts: {
                            card: string | null;
                            ach: string | null;
                        };
                        lastError: {
                            code: string;
                            /** Format: date-time */
                            at: string;
                        } | null;
                        lastExport: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            format: "csv" | "json";
                            channel: "schedule" | "console" | "cli" | "api";
                            marking: "automatic" | "manual";
                            itemCount: number;
                            fileName: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            mailedAt: string | null;
                        } | null;
                        lastImport: {
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            channel: string;
                            status: string;
                            fileName: string;
                            errorCount: number;
                            failureCode: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        } | null;
                        dropFolder: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleErpSyncSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    frequency: "off" | "hourly" | "every_4_hours" | "daily";
                    /** @description HH:MM, local time */
                    dailyAt: string;
                    marking: "automatic" | "manual";
                    csv: {
                        delimiter: "," | ";";
                        decimalMark: "." | ",";
                        dates: "iso" | "dmy" | "mdy";
                    };
                    erpAccounts: {
                        check: string | null;
                        cash: string | null;
                        bank_transfer: string | null;
                        card_terminal: string | null;
                        other: string | null;
                    };
                    recipients: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        frequency: "off" | "hourly" | "every_4_hours" | "daily";
                        /** @description HH:MM, local time */
                        dailyAt: string;
                        marking: "automatic" | "manual";
                        csv: {
                            delimiter: "," | ";";
                            decimalMark: "." | ",";
                            dates: "iso" | "dmy" | "mdy";
                        };
                        erpAccounts: {
                            check: string | null;
                            cash: string | null;
                            bank_transfer: string | null;
                            card_terminal: string | null;
                            other: string | null;
                        };
                        recipients: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleErpSyncExports: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exports: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            format: "csv" | "json";
                            channel: "schedule" | "console" | "cli" | "api";
                            marking: "automatic" | "manual";
                            itemCount: number;
                            fileName: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            mailedAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleErpSyncExports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    format?: "csv" | "json";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        export: null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        export: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            format: "csv" | "json";
                            channel: "schedule" | "console" | "cli" | "api";
                            marking: "automatic" | "manual";
                            itemCount: number;
                            fileName: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            mailedAt: string | null;
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleErpSyncExportsByIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["Problem"];
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentConfirmations: {
        parameters: {
            query: {
                since: "last";
                format?: "csv" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        export: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            /** Format: date-time */
                            createdAt: string;
                            marking: "automatic" | "manual";
                            channel: "schedule" | "console" | "cli" | "api";
                        } | null;
                        payments: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                erpId: string | null;
                                accountNumber: string;
                                name: string;
                            };
                            currency: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            amount: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            fee: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            unapplied: string;
                            method: string;
                            erpAccount: string | null;
                            reference: string | null;
                            receivedOn: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            applications: {
                                /** Format: uuid */
                                id: string;
                                invoice: {
                                    /** Format: uuid */
                                    id: string;
                                    number: string;
                                    erpId: string | null;
                                } | null;
                                /** @description Major units, exact, with a decimal point: "1234.56". */
                                amount: string;
                                /** Format: date-time */
                                appliedAt: string;
                            }[];
                        }[];
                        changes: {
                            type: "application" | "unapplication" | "refund" | "refund_failed" | "return" | "reversal" | "credit_application" | "credit_unapplication";
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            occurredAt: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                erpId: string | null;
                                accountNumber: string;
                                name: string;
                            };
                            currency: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            amount: string;
                            payment: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                method: string;
                                erpAccount: string | null;
                            } | null;
                            creditMemo: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                erpId: string | null;
                            } | null;
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                erpId: string | null;
                            } | null;
                            reason: string | null;
                        }[];
                        cursor: {
                            exportId: string | null;
                            sequence: number | null;
                            items: number;
                        };
                    };
                    "text/csv": {
                        export: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            /** Format: date-time */
                            createdAt: string;
                            marking: "automatic" | "manual";
                            channel: "schedule" | "console" | "cli" | "api";
                        } | null;
                        payments: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                erpId: string | null;
                                accountNumber: string;
                                name: string;
                            };
                            currency: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            amount: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            fee: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            unapplied: string;
                            method: string;
                            erpAccount: string | null;
                            reference: string | null;
                            receivedOn: string;
                            /** Format: date-time */
                            effectiveAt: string;
                            applications: {
                                /** Format: uuid */
                                id: string;
                                invoice: {
                                    /** Format: uuid */
                                    id: string;
                                    number: string;
                                    erpId: string | null;
                                } | null;
                                /** @description Major units, exact, with a decimal point: "1234.56". */
                                amount: string;
                                /** Format: date-time */
                                appliedAt: string;
                            }[];
                        }[];
                        changes: {
                            type: "application" | "unapplication" | "refund" | "refund_failed" | "return" | "reversal" | "credit_application" | "credit_unapplication";
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            occurredAt: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                erpId: string | null;
                                accountNumber: string;
                                name: string;
                            };
                            currency: string;
                            /** @description Major units, exact, with a decimal point: "1234.56". */
                            amount: string;
                            payment: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                method: string;
                                erpAccount: string | null;
                            } | null;
                            creditMemo: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                erpId: string | null;
                            } | null;
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                erpId: string | null;
                            } | null;
                            reason: string | null;
                        }[];
                        cursor: {
                            exportId: string | null;
                            sequence: number | null;
                            items: number;
                        };
                    };
                };
            };
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentConfirmationsExports: {
        parameters: {
            query: {
                after?: number;
                page: number;
                pageSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        exports: {
                            /** Format: uuid */
                            id: string;
                            sequence: number;
                            format: "csv" | "json";
                            channel: "schedule" | "console" | "cli" | "api";
                            marking: "automatic" | "manual";
                            itemCount: number;
                            fileName: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            mailedAt: string | null;
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentConfirmationsExportsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                    "text/csv": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "text/csv": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCollections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schedule: {
                            enabled: boolean;
                            weekday: number;
                            hour: number;
                            /** @enum {string} */
                            template: "weekly_collection";
                            documents: "all_open" | "overdue";
                        };
                        timeZone: string;
                        subscribed: number;
                        nextRunAt: string | null;
                        runs: {
                            /** Format: uuid */
                            id: string;
                            trigger: "schedule" | "manual";
                            status: "queued" | "running" | "done";
                            slot: string | null;
                            customers: number;
                            messages: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCollectionsSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    /** @description ISO weekday: 1 Monday … 7 Sunday */
                    weekday: number;
                    /** @description Local hour in the seller's time zone */
                    hour: number;
                    documents: "all_open" | "overdue";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schedule: {
                            enabled: boolean;
                            weekday: number;
                            hour: number;
                            /** @enum {string} */
                            template: "weekly_collection";
                            documents: "all_open" | "overdue";
                        };
                        timeZone: string;
                        subscribed: number;
                        nextRunAt: string | null;
                        runs: {
                            /** Format: uuid */
                            id: string;
                            trigger: "schedule" | "manual";
                            status: "queued" | "running" | "done";
                            slot: string | null;
                            customers: number;
                            messages: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCollectionsPreview: {
        parameters: {
            query?: {
                customerId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nextRunAt: string | null;
                        documents: "all_open" | "overdue";
                        truncated: boolean;
                        customers: {
                            /** Format: uuid */
                            customerId: string;
                            name: string;
                            accountNumber: string;
                            currency: string;
                            totalDue: number;
                            recipients: {
                                /** Format: uuid */
                                contactId: string;
                                name: string;
                                email: string;
                                locale: "es" | "en";
                            }[];
                            documents: {
                                /** Format: uuid */
                                invoiceId: string;
                                number: string;
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                issueDate: string;
                                /**
                                 * Format: date
                                 * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                                 */
                                dueDate: string;
                                amountDue: number;
                                daysOverdue: number;
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCollectionsRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        runId: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCollectionsSubscriptions: {
        parameters: {
            query: {
                customerId: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscribed: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscribed: boolean;
                        subscribedAt: string | null;
                        subscribedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        unsubscribedAt: string | null;
                        recipients: {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string;
                            locale: "es" | "en";
                        }[];
                        blockedReason: "no_recipients" | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCustomersByIdCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    subscribed: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscribed: boolean;
                        subscribedAt: string | null;
                        subscribedBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                        unsubscribedAt: string | null;
                        recipients: {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string;
                            locale: "es" | "en";
                        }[];
                        blockedReason: "no_recipients" | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDunning: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        hour: number;
                        timeZone: string;
                        steps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        holdRules: {
                            overdueDays: number | null;
                            overLimit: boolean;
                        };
                        lastRunOn: string | null;
                        nextRunAt: string | null;
                        runs: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            runOn: string;
                            trigger: "schedule" | "manual";
                            status: "queued" | "running" | "done";
                            reminders: number;
                            messages: number;
                            holdsPlaced: number;
                            holdsReleased: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleDunning: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    /** @description Local hour of the daily run, the seller's time zone */
                    hour: number;
                    steps: {
                        /** @description Days from the due date: negative before it, 0 on it, positive after */
                        offsetDays: number;
                        template: "reminder_upcoming" | "reminder" | "reminder_final";
                    }[];
                    holdRules: {
                        overdueDays: number | null;
                        overLimit: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        hour: number;
                        timeZone: string;
                        steps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        holdRules: {
                            overdueDays: number | null;
                            overLimit: boolean;
                        };
                        lastRunOn: string | null;
                        nextRunAt: string | null;
                        runs: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            runOn: string;
                            trigger: "schedule" | "manual";
                            status: "queued" | "running" | "done";
                            reminders: number;
                            messages: number;
                            holdsPlaced: number;
                            holdsReleased: number;
                            /** Format: date-time */
                            createdAt: string;
                            finishedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleDunningRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        runId: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDunningPreview: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        from: string;
                        /**
                         * Format: date
                         * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                         */
                        to: string;
                        truncated: boolean;
                        items: {
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            date: string;
                            /** Format: uuid */
                            customerId: string;
                            customerName: string;
                            accountNumber: string;
                            /** Format: uuid */
                            invoiceId: string;
                            invoiceNumber: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            dueDate: string;
                            currency: string;
                            amountDue: number;
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                            recipients: number;
                            skip: ("pending_payment" | "dispute" | "promise" | "opted_out" | "no_recipients") | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDunningStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: {
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                            offsetDays: number | null;
                            sent: number;
                            eligible7: number;
                            paid7: number;
                            eligible14: number;
                            paid14: number;
                            eligible30: number;
                            paid30: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdDunning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mode: "default" | "custom" | "off";
                        steps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        defaultSteps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        recipients: {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string;
                            locale: "es" | "en";
                        }[];
                        recent: {
                            /** Format: date-time */
                            sentAt: string;
                            kind: "step" | "manual";
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                            offsetDays: number | null;
                            invoiceNumbers: string[];
                            messages: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCustomersByIdDunning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mode: "default" | "custom" | "off";
                    steps?: {
                        /** @description Days from the due date: negative before it, 0 on it, positive after */
                        offsetDays: number;
                        template: "reminder_upcoming" | "reminder" | "reminder_final";
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mode: "default" | "custom" | "off";
                        steps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        defaultSteps: {
                            /** @description Days from the due date: negative before it, 0 on it, positive after */
                            offsetDays: number;
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                        }[];
                        recipients: {
                            /** Format: uuid */
                            contactId: string;
                            name: string;
                            email: string;
                            locale: "es" | "en";
                        }[];
                        recent: {
                            /** Format: date-time */
                            sentAt: string;
                            kind: "step" | "manual";
                            template: "reminder_upcoming" | "reminder" | "reminder_final";
                            offsetDays: number | null;
                            invoiceNumbers: string[];
                            messages: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdReminders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: number;
                        invoices: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            amountDue: number;
                        }[];
                        skipped: {
                            /** Format: uuid */
                            invoiceId: string;
                            number: string;
                            reason: "paid" | "pending_payment" | "dispute" | "promise";
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdStatements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            periodStart: string;
                            /**
                             * Format: date
                             * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                             */
                            periodEnd: string;
                            currency: string;
                            openingBalance: number;
                            closingBalance: number;
                            channel: "monthly" | "on_demand";
                            messages: number;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdStatements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    from: string;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        statementId: string;
                        messages: number;
                        closingBalance: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdStatementPdf: {
        parameters: {
            query: {
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                from: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                to: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsStatements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        dayOfMonth: number;
                        lastPeriod: string | null;
                        nextRunOn: string | null;
                        nextPeriod: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsStatements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    dayOfMonth: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        dayOfMonth: number;
                        lastPeriod: string | null;
                        nextRunOn: string | null;
                        nextPeriod: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalStatementPdf: {
        parameters: {
            query: {
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                from: string;
                /** @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31. */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInquiries: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                status?: "open" | "resolved";
                kind?: "question" | "dispute";
                customerId?: string;
                invoiceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                openAmount: number;
                                total: number;
                                dueDate: string;
                            };
                            kind: "question" | "dispute";
                            reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                            disputedAmount: number | null;
                            currency: string;
                            status: "open" | "resolved";
                            resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                            openedBy: "customer" | "staff";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            resolvedAt: string | null;
                            messageCount: number;
                            lastAuthor: "customer" | "staff";
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInquiries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    customerId: string;
                    /** Format: uuid */
                    invoiceId: string;
                    kind: "question" | "dispute";
                    reason?: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                    disputedAmount?: number | null;
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleInquiriesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInquiriesByIdReplies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleInquiriesByIdResolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    resolution: "answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn";
                    message?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdPromises: {
        parameters: {
            query?: {
                invoiceId?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            } | null;
                            promisedOn: string;
                            amount: number;
                            currency: string;
                            note: string | null;
                            state: "open" | "kept" | "missed" | "cancelled";
                            recordedBy: "customer" | "staff";
                            recordedByName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdPromises: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceId?: string | null;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    promisedOn: string;
                    amount: number;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleCustomersByIdPromisesByPromiseIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                promiseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalInquiries: {
        parameters: {
            query: {
                page: number;
                pageSize: number;
                invoiceId?: string;
                status?: "open" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                accountNumber: string;
                            };
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                                openAmount: number;
                                total: number;
                                dueDate: string;
                            };
                            kind: "question" | "dispute";
                            reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                            disputedAmount: number | null;
                            currency: string;
                            status: "open" | "resolved";
                            resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                            openedBy: "customer" | "staff";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            resolvedAt: string | null;
                            messageCount: number;
                            lastAuthor: "customer" | "staff";
                        }[];
                        total: number;
                        page: number;
                        pageSize: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalInquiries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    invoiceId: string;
                    kind: "question" | "dispute";
                    reason?: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                    disputedAmount?: number | null;
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalInquiriesById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalInquiriesByIdReplies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalInquiriesByIdWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            accountNumber: string;
                        };
                        invoice: {
                            /** Format: uuid */
                            id: string;
                            number: string;
                            openAmount: number;
                            total: number;
                            dueDate: string;
                        };
                        kind: "question" | "dispute";
                        reason: ("price" | "quantity" | "damaged_goods" | "not_received" | "already_paid" | "other") | null;
                        disputedAmount: number | null;
                        currency: string;
                        status: "open" | "resolved";
                        resolution: ("answered" | "credit_issued" | "adjusted" | "rejected" | "withdrawn") | null;
                        openedBy: "customer" | "staff";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        resolvedAt: string | null;
                        messageCount: number;
                        lastAuthor: "customer" | "staff";
                    } & {
                        messages: {
                            position: number;
                            author: "customer" | "staff";
                            authorName: string | null;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalPromises: {
        parameters: {
            query?: {
                invoiceId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            invoice: {
                                /** Format: uuid */
                                id: string;
                                number: string;
                            } | null;
                            promisedOn: string;
                            amount: number;
                            currency: string;
                            note: string | null;
                            state: "open" | "kept" | "missed" | "cancelled";
                            recordedBy: "customer" | "staff";
                            recordedByName: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalPromises: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    invoiceId?: string | null;
                    /**
                     * Format: date
                     * @description A calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31.
                     */
                    promisedOn: string;
                    amount: number;
                    note?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postPortalPromisesByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleCustomersByIdDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        preference: {
                            channel: "email" | "postal" | "ubl" | "edi";
                            emailAttachPdf: boolean;
                            apEndpointUrl: string | null;
                            apAuth: {
                                last4: string;
                            } | null;
                            peppol: {
                                scheme: string;
                                id: string;
                            } | null;
                            ublVia: "endpoint" | "email";
                            edi: {
                                isaSenderQualifier: string;
                                isaSenderId: string;
                                isaReceiverQualifier: string;
                                isaReceiverId: string;
                                gsSenderId: string;
                                gsReceiverId: string;
                                usage: "T" | "P";
                            } | null;
                            updatedAt: string | null;
                        };
                        deliveries: {
                            /** Format: uuid */
                            id: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            document: {
                                type: "invoice" | "credit_memo";
                                /** Format: uuid */
                                id: string;
                                number: string;
                            };
                            channel: "postal" | "ubl" | "edi";
                            status: "pending" | "delivered" | "failed" | "printed";
                            attempts: number;
                            lastError: string | null;
                            lastAttemptAt: string | null;
                            deliveredAt: string | null;
                            fileName: string | null;
                            controlNumber: number | null;
                            printBatchId: string | null;
                            printedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleCustomersByIdDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channel: "email" | "postal" | "ubl" | "edi";
                    emailAttachPdf: boolean;
                    apEndpointUrl?: string | null;
                    apAuthToken?: string | null;
                    peppol?: {
                        scheme: string;
                        id: string;
                    } | null;
                    ublVia?: "endpoint" | "email";
                    edi?: {
                        isaSenderQualifier: string;
                        isaSenderId: string;
                        isaReceiverQualifier: string;
                        isaReceiverId: string;
                        gsSenderId: string;
                        gsReceiverId: string;
                        usage: "T" | "P";
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel: "email" | "postal" | "ubl" | "edi";
                        emailAttachPdf: boolean;
                        apEndpointUrl: string | null;
                        apAuth: {
                            last4: string;
                        } | null;
                        peppol: {
                            scheme: string;
                            id: string;
                        } | null;
                        ublVia: "endpoint" | "email";
                        edi: {
                            isaSenderQualifier: string;
                            isaSenderId: string;
                            isaReceiverQualifier: string;
                            isaReceiverId: string;
                            gsSenderId: string;
                            gsReceiverId: string;
                            usage: "T" | "P";
                        } | null;
                        updatedAt: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDeliveries: {
        parameters: {
            query?: {
                customerId?: string;
                status?: "pending" | "delivered" | "failed" | "printed";
                channel?: "postal" | "ubl" | "edi";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            customer: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            document: {
                                type: "invoice" | "credit_memo";
                                /** Format: uuid */
                                id: string;
                                number: string;
                            };
                            channel: "postal" | "ubl" | "edi";
                            status: "pending" | "delivered" | "failed" | "printed";
                            attempts: number;
                            lastError: string | null;
                            lastAttemptAt: string | null;
                            deliveredAt: string | null;
                            fileName: string | null;
                            controlNumber: number | null;
                            printBatchId: string | null;
                            printedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documentType: "invoice" | "credit_memo";
                    /** Format: uuid */
                    documentId: string;
                    channel?: "email" | "postal" | "ubl" | "edi";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "email";
                        documentType: "invoice" | "credit_memo";
                        /** Format: uuid */
                        documentId: string;
                        documentNumber: string;
                        recipients: string[];
                        pdfAttached: boolean;
                        ublAttached: boolean;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        document: {
                            type: "invoice" | "credit_memo";
                            /** Format: uuid */
                            id: string;
                            number: string;
                        };
                        channel: "postal" | "ubl" | "edi";
                        status: "pending" | "delivered" | "failed" | "printed";
                        attempts: number;
                        lastError: string | null;
                        lastAttemptAt: string | null;
                        deliveredAt: string | null;
                        fileName: string | null;
                        controlNumber: number | null;
                        printBatchId: string | null;
                        printedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsoleDeliveriesByIdResend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        customer: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        document: {
                            type: "invoice" | "credit_memo";
                            /** Format: uuid */
                            id: string;
                            number: string;
                        };
                        channel: "postal" | "ubl" | "edi";
                        status: "pending" | "delivered" | "failed" | "printed";
                        attempts: number;
                        lastError: string | null;
                        lastAttemptAt: string | null;
                        deliveredAt: string | null;
                        fileName: string | null;
                        controlNumber: number | null;
                        printBatchId: string | null;
                        printedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleDeliveriesByIdFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePrintQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        customers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            address: {
                                line1?: string;
                                line2?: string;
                                city?: string;
                                region?: string;
                                postalCode?: string;
                                country?: string;
                            };
                            deliveries: {
                                /** Format: uuid */
                                id: string;
                                customer: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                document: {
                                    type: "invoice" | "credit_memo";
                                    /** Format: uuid */
                                    id: string;
                                    number: string;
                                };
                                channel: "postal" | "ubl" | "edi";
                                status: "pending" | "delivered" | "failed" | "printed";
                                attempts: number;
                                lastError: string | null;
                                lastAttemptAt: string | null;
                                deliveredAt: string | null;
                                fileName: string | null;
                                controlNumber: number | null;
                                printBatchId: string | null;
                                printedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        }[];
                        documentCount: number;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePrintBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                            documentCount: number;
                            customerCount: number;
                            pageCount: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postConsolePrintBatches: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deliveryIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        number: number;
                        documentCount: number;
                        customerCount: number;
                        pageCount: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsolePrintBatchesByIdPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSettingsDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sellerAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        peppol: {
                            scheme: string;
                            id: string;
                        } | null;
                        /** @description Each new invoice and credit memo goes to its customer its way, on its own */
                        deliverNew: boolean;
                        deliverNewSince: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putConsoleSettingsDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sellerAddress: {
                        line1?: string;
                        line2?: string;
                        city?: string;
                        region?: string;
                        postalCode?: string;
                        country?: string;
                    };
                    peppol: {
                        scheme: string;
                        id: string;
                    } | null;
                    deliverNew?: boolean;
                    deliverNewSince?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sellerAddress: {
                            line1?: string;
                            line2?: string;
                            city?: string;
                            region?: string;
                            postalCode?: string;
                            country?: string;
                        };
                        peppol: {
                            scheme: string;
                            id: string;
                        } | null;
                        /** @description Each new invoice and credit memo goes to its customer its way, on its own */
                        deliverNew: boolean;
                        deliverNewSince: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortalDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel: "email" | "postal" | "ubl" | "edi";
                        emailAttachPdf: boolean;
                        apEndpointUrl: string | null;
                        apAuth: {
                            last4: string;
                        } | null;
                        peppol: {
                            scheme: string;
                            id: string;
                        } | null;
                        ublVia: "endpoint" | "email";
                        updatedAt: string | null;
                        ediConfigured: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putPortalDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channel: "email" | "postal" | "ubl" | "edi";
                    emailAttachPdf: boolean;
                    apEndpointUrl?: string | null;
                    apAuthToken?: string | null;
                    peppol?: {
                        scheme: string;
                        id: string;
                    } | null;
                    ublVia?: "endpoint" | "email";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel: "email" | "postal" | "ubl" | "edi";
                        emailAttachPdf: boolean;
                        apEndpointUrl: string | null;
                        apAuth: {
                            last4: string;
                        } | null;
                        peppol: {
                            scheme: string;
                            id: string;
                        } | null;
                        ublVia: "endpoint" | "email";
                        updatedAt: string | null;
                        ediConfigured: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description RFC 9457 problem details; `code` is stable, `detail` is translated. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
