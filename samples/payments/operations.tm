// Operating the system: merchants' back office, customer support and privileged (break-glass)
// access by SREs. These tools run in a separate back-office VPC: a bug in an internal tool must
// not put it on the same network as the card vault.
import "./data.tm"
import "./platform.tm"
import "./checkout.tm"

// --- People ------------------------------------------------------------------------------------------

actor MerchantUser "Merchant back-office user" {
  description "Staff of the merchants we process for: finance, customer service, store managers"
}

// Support is outsourced to a partner; agents are in our IdP but are not employees.
actor SupportAgent "Customer support agent (partner)" {
  description "Answers shopper questions about orders and failed payments"
}

actor SreAdmin "Site reliability engineer / administrator" {
  trusted
  privileged
  owner "Platform engineering"
}

// --- Back-office VPC ---------------------------------------------------------------------------------

boundary BackOfficeVpc "Back-office VPC" {
  trust internal
  network private
  owner "Merchant experience squad"

  process BackOffice "Merchant back-office portal" {
    exposed
    validates-input
    sanitizes-output
    authenticates oidc
    authorizes role-based
    logs audit
    hosting cloud
    criticality high
    technology "React SPA with a Kotlin backend-for-frontend"
    code "services/backoffice/**"
    answer spoofing "OIDC code flow with PKCE against the IdP; merchants must enrol a second factor"
    answer elevation-of-privilege "Every query is scoped to the merchant id in the token; refunds above 1,000 EUR need a second merchant approver"
    answer repudiation "Refunds, captures and user changes are audit-logged with the user, merchant and amount"
  }

  process SupportConsole "Support console" {
    exposed
    authenticates saml
    authorizes role-based
    logs audit
    hosting cloud
    criticality medium
    technology "Internal tool on the back-office cluster"
    code "services/support-console/**"
    answer information-disclosure "Shows the card brand, last four digits and expiry month only; there is no detokenise permission for support"
  }

  // Break-glass access lives in its own, stricter zone inside the back-office VPC: it is the
  // only way an engineer reaches the CDE, and it is off (zero instances) until an approved
  // incident starts it.
  boundary AdminAccess "Privileged access zone" {
    trust restricted
    network isolated
    owner "Platform engineering"

    // Holds no standing credentials: Teleport issues each session short-lived certificates for
    // the hosts and the vault database, and its own AWS access is its IAM role.
    process Bastion "Break-glass bastion" {
      privileged
      hardened
      secrets-managed
      authenticates mfa
      authorizes attribute-based
      logs audit
      hosting cloud
      criticality critical
      technology "Teleport with session recording and access requests"
      answer repudiation "Every session is recorded and shipped to the audit log; access requests name the incident and the approver"
      answer elevation-of-privilege "Roles are granted per request for 4 hours and need a second engineer's approval"
    }
  }
}

// --- Merchant back office ----------------------------------------------------------------------------

flow MerchantPortal: MerchantUser -> BackOffice "Searches transactions, issues refunds, downloads reports" {
  protocol https
  carries [MerchantReport, OrderDetails]
}

// ID tokens are signed JWTs, checked against the IdP's published keys, with nonce and PKCE binding
// each one to the sign-in that asked for it (as on the workforce sign-in flows below).
flow MerchantSignIn: BackOffice <-> IdentityProvider "Merchant sign-in (OIDC code flow with PKCE)" {
  protocol https
  signed
  carries [SsoToken]
}

flow RefundRequests: BackOffice -> PaymentService "Refund and capture requests" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken]
}

flow MerchantReports: DataWarehouse -> BackOffice "Merchant transaction and settlement reports" {
  protocol https
  encrypted
  carries [MerchantReport]
}

flow BackOffice -> AuditLog "Back-office user actions" {
  protocol s3
  encrypted
  carries [AuditRecord]
}

// --- Customer support -----------------------------------------------------------------------------

flow SupportLookup: SupportAgent -> SupportConsole "Looks up a shopper's order and payment" {
  protocol https
  carries [OrderDetails]
}

flow SupportSignIn: SupportConsole <-> IdentityProvider "Workforce SSO (SAML)" {
  protocol https
  signed
  carries [SsoToken]
}

flow SupportConsole -> OrderService "Order lookup" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [OrderDetails]
}

flow PaymentLookup: SupportConsole <-> PaymentService "Payment status with a masked card number" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken]
}

// --- Break-glass access ---------------------------------------------------------------------------

flow AdminShell: SreAdmin -> Bastion "Opens a break-glass session" {
  protocol ssh
  encrypted
  authenticates mfa
}

flow BastionSignIn: Bastion <-> IdentityProvider "Workforce SSO with FIDO2 security keys" {
  protocol https
  signed
  carries [SsoToken]
}

// The connection that VaultBreakGlass in threats.tm is about. The vault only ever returns
// ciphertext, but an engineer here could also reach the tokenisation service's hosts.
flow BastionToVault: Bastion -> CardVault "Emergency database maintenance on the card vault" {
  protocol sql
  encrypted
  authenticates certificate
  carries [CardNumber]
}

flow Bastion -> PaymentService "Emergency shell on CDE hosts" {
  protocol ssh
  encrypted
  authenticates certificate
}

flow Bastion -> AuditLog "Session recordings" {
  protocol s3
  encrypted
  carries [AuditRecord]
}

flow Bastion -> SecretsManager "Rotates and revokes secrets during an incident" {
  protocol https
  encrypted
  carries [ServiceCredential]
}
