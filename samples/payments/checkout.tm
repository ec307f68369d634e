// The checkout: from the shopper's device to the acquirer and back.
//
// The central design decision is PCI DSS scope reduction. Card fields are rendered in an iframe
// served from the payments origin (pay.example.com) and posted straight to the API gateway, which
// hands them to the tokenisation service. The checkout web app, the order service and everything
// downstream of them only ever see a card token. The PAN rests only in the card vault enclave.
// Elsewhere it is in clear only in transit through the CDN and the API gateway (until client-side
// card encryption ships for the web, see EdgeSeesPan in threats.tm) and in memory in the payment
// service (authorisation), the 3-D Secure server (authentication request) and the settlement job
// (clearing file).
import "./data.tm"
import "./platform.tm"

// --- Outside our control -----------------------------------------------------------------------

// The shopper and their device are one untrusted zone: we assume the device may be compromised
// and re-validate everything it sends.
boundary ShopperDevice "Shopper's device" {
  trust untrusted
  network internet

  actor Shopper "Online shopper" {
    description "Guest or signed-in customer of the merchant's web shop or app"
  }

  process ShopperBrowser "Checkout page in the shopper's browser" {
    hosting browser
    technology "React checkout page with the payment-fields iframe from pay.example.com"
    code ["web/checkout/**", "web/payment-fields/**"]
    answer tampering "Runs on a device we do not control: we assume it is tampered with, and the server recomputes amounts and re-checks every field"
    answer elevation-of-privilege not-applicable "Runs with the shopper's own privileges in their own browser; there is nothing above them to escalate to"
  }

  process MobileApp "Shop mobile app" {
    hosting mobile
    technology "iOS and Android apps; card fields encrypted on the device (JWE) with the vault's public key"
    code "mobile/**"
    answer elevation-of-privilege not-applicable "Runs with the shopper's own privileges on their own phone; server-side authorisation does not trust the app"
    answer tampering "App attestation (App Attest / Play Integrity) is a fraud signal, never an authorisation decision"
  }
}

// The CDN and WAF terminate TLS at the edge and re-encrypt to our origins. That means the CDN
// provider sees every request in clear text, card fields included, until client-side card
// encryption ships for the web (threat EdgeSeesPan).
external Cdn "CDN and web application firewall" {
  hosting edge
  trusted
  exposed
  logs basic
  criticality critical
  technology "Cloudflare with WAF managed rules and bot management"
  answer spoofing "Origins accept traffic only with the CDN's authenticated origin-pull client certificate"
  answer repudiation not-applicable "The CDN takes no business action of its own; every payment action is attributed at the gateway and the payment service"
}

external IssuerAcs "Card issuer's access control server (3-D Secure)" {
  hosting saas
  exposed
  criticality high
  description "Run by or for the shopper's bank; shows the challenge and signs the authentication result"
}

external Acquirer "Card acquirer" {
  trusted
  hosting on-premises
  authenticates certificate
  logs audit
  criticality critical
  technology "Acquirer host (ISO 8583) and SFTP clearing endpoint"
  answer spoofing "Mutual TLS with certificates pinned on both sides, inside an IPsec tunnel to the acquirer's data centre"
  answer repudiation "Every message carries a STAN and RRN; the acquirer's responses are stored, signed, in the ledger"
}

external DirectoryServer "Card-scheme 3-D Secure directory server" {
  trusted
  hosting saas
  authenticates certificate
  criticality high
  answer spoofing "EMV 3DS requires mutual TLS with certificates issued by the card scheme's own CA"
}

external FraudDataProvider "Fraud-data provider" {
  hosting saas
  authenticates api-key
  criticality medium
  technology "Device-reputation and e-mail-risk API"
  answer repudiation not-applicable "Returns advisory data only; our fraud service takes and logs the decision"
}

external EmailProvider "E-mail and SMS delivery provider" {
  hosting saas
  authenticates api-key
  criticality low
}

// --- Our production account ----------------------------------------------------------------------

boundary PaymentsVpc "Payments VPC (production account)" {
  trust internal
  network private
  owner "Payments platform squad"

  // The web tier: the only subnets that accept traffic from the CDN, and only from its
  // origin-pull certificate. Nothing here stores a PAN, but the API gateway transmits card
  // fields, so it is in PCI DSS scope even though it lives in this tier: it is hardened like the
  // CDE and never logs request bodies.
  boundary Dmz "Web tier (DMZ behind the CDN)" {
    trust internal
    network dmz

    process CheckoutWeb "Checkout web app" {
      exposed
      validates-input
      sanitizes-output
      hardened
      sandboxed
      redundant
      authenticates token
      authorizes ownership
      logs basic
      hosting cloud
      criticality high
      technology "Next.js server on EKS"
      code "services/checkout-web/**"
      answer spoofing "Shoppers are identified by the merchant session cookie (__Host-, Secure, HttpOnly, SameSite=Lax); guests get an anonymous session bound to the basket"
      answer denial-of-service "Served behind the CDN and its WAF; horizontal pod autoscaling with a per-session rate limit on order submission"
    }

    process ApiGateway "API gateway" {
      exposed
      rate-limited
      validates-input
      hardened
      authenticates token
      authorizes role-based
      logs audit
      hosting cloud
      criticality critical
      technology "Envoy gateway with JWT validation and JSON schema checks"
      code "infra/gateway/**"
      answer spoofing "Validates app access tokens (signature, issuer, audience, expiry) and the CDN origin-pull certificate"
      answer denial-of-service "Per-IP and per-device token buckets; the payment-fields endpoint has its own lower limit"
    }

    datastore SessionStore "Session cache" {
      stores [ShopperSession]
      encrypted
      hosting cloud
      technology "ElastiCache Redis 7 with TLS and AUTH"
      retention "30 minutes idle, 12 hours absolute"
      answer repudiation not-applicable "Holds only short-lived session state; no business action is recorded here, so there is nothing to attribute"
      answer denial-of-service "Loss of the cache signs shoppers out; baskets live in the order service and survive"
    }
  }

  boundary Commerce "Commerce services (private subnets)" {
    trust internal
    network private

    process OrderService "Order service" {
      validates-input
      authenticates mtls
      authorizes ownership
      logs audit
      hosting cloud
      criticality high
      technology "Kotlin / Spring Boot"
      code "services/orders/**"
      answer elevation-of-privilege "Every order read is scoped to the caller's shopper id from the verified token (no order id alone is enough)"
    }

    datastore OrderDb "Order database" {
      stores [OrderDetails, CardToken]
      encrypted
      backup
      authorizes role-based
      logs basic
      hosting cloud
      criticality high
      technology "Aurora PostgreSQL"
      retention "7 years"
    }

    process NotificationService "Notification service" {
      authenticates mtls
      sanitizes-output
      logs basic
      hosting cloud
      criticality low
      technology "Node.js consumer with MJML templates"
      code "services/notifications/**"
      answer information-disclosure "Templates receive the last four digits and the card brand only; the full token never reaches a template"
    }
  }

  // The cardholder data environment: everything here is in PCI DSS scope and audited yearly.
  // Only the API gateway, the order service, the back office, the support console and (during an
  // approved incident) the break-glass bastion may call in, and only over mTLS with SPIFFE
  // identities allow-listed per method.
  boundary Cde "Cardholder data environment (PCI DSS scope)" {
    trust restricted
    network private
    owner "Payments core squad"
    tags [pci]

    process PaymentService "Payment service" {
      validates-input
      hardened
      sandboxed
      authenticates mtls
      authorizes role-based
      logs audit
      hosting cloud
      criticality critical
      technology "Java 21, Spring Boot, ISO 8583 via jPOS"
      code "services/payments/**"
      answer spoofing "Callers present SPIFFE identities over mTLS; each gRPC method has an allow-list of caller identities"
      answer repudiation "Every state change (authorise, capture, refund, void) is written to the ledger and as an audit record with the caller identity"
      answer elevation-of-privilege "Amount, currency and SCA decision are recomputed server-side from the order; client-supplied values are ignored"
      answer information-disclosure "PAN and CVC are held in memory only for the authorisation call; logging goes through a PAN-masking filter"
    }

    process FraudScoring "Fraud scoring service" {
      validates-input
      authenticates mtls
      logs audit
      hosting cloud
      criticality high
      technology "Python rules engine and gradient-boosted model"
      code "services/fraud/**"
    }

    process ThreeDsServer "3-D Secure server" {
      authenticates mtls
      logs audit
      hosting cloud
      criticality high
      technology "EMV 3DS 2.2 server (vendor SDK)"
      answer denial-of-service "If the directory server is unreachable, non-exempt payments are declined rather than sent unauthenticated"
    }

    process SettlementJob "Settlement and reconciliation job" {
      authenticates mtls
      logs audit
      hosting cloud
      criticality high
      technology "Nightly Kubernetes CronJob"
      code "services/settlement/**"
    }

    datastore LedgerDb "Ledger database" {
      stores [LedgerEntry]
      encrypted
      backup
      authorizes role-based
      logs audit
      hosting cloud
      criticality critical
      technology "Aurora PostgreSQL; entries hash-chained per account"
      retention "10 years"
      answer tampering "Append-only table (no UPDATE or DELETE grants); each entry carries the hash of the previous one and the chain is verified nightly"
    }

    // The innermost zone: the only place where PANs rest. Network policies allow ingress from
    // the gateway, the payment service, the 3-D Secure server and the settlement job, plus the
    // break-glass bastion during an approved incident.
    boundary CardVaultEnclave "Card vault enclave" {
      trust restricted
      network isolated
      owner "Payments core squad"
      tags [pci]

      process TokenisationService "Tokenisation service" {
        validates-input
        hardened
        sandboxed
        authenticates mtls
        authorizes attribute-based
        logs audit
        hosting cloud
        criticality critical
        technology "Go service; tokens are format-preserving and random (not derived from the PAN)"
        code "services/tokenisation/**"
        answer spoofing "mTLS with SPIFFE identities; detokenisation is allowed per caller and per purpose (authorise, 3DS, clearing)"
        answer information-disclosure "CVC is kept in memory for at most 10 minutes and never written; PANs are returned only to the three allowed callers"
        answer repudiation "Each detokenisation is audit-logged with caller, purpose and token before the PAN is returned"
      }

      process Hsm "Payment HSM cluster" {
        hardened
        authenticates certificate
        logs audit
        hosting cloud
        criticality critical
        technology "AWS Payment Cryptography (PCI PTS HSM certified)"
        answer tampering "Keys are generated in and never leave the HSM in clear; key ceremonies need two custodians"
        answer denial-of-service "Multi-AZ cluster; without it authorisations stop, which is the safe failure"
      }

      datastore CardVault "Card vault" {
        stores [CardNumber, CardToken, CardholderName, KeyMaterial]
        encrypted
        backup
        hardened
        authorizes role-based
        logs audit
        hosting cloud
        criticality critical
        technology "Aurora PostgreSQL; PANs encrypted per row with AES-256-GCM data keys wrapped by the HSM"
        answer information-disclosure "Rows hold ciphertext only; reading a PAN needs both database access and an HSM decrypt call, which only the tokenisation service may make"
        answer tampering "Only the tokenisation service role may write; row integrity is protected by the GCM tag bound to the token"
      }
    }
  }
}

// --- Shopper to edge -------------------------------------------------------------------------------

flow EnterCard: Shopper -> ShopperBrowser "Types card details into the payment fields" {
  carries [CardNumber, CardSecurityCode, CardholderName]
  answer information-disclosure not-applicable "Keystrokes on the shopper's own device; we cannot protect against shoulder-surfing or malware on it"
}

flow Shopper -> MobileApp "Enters or scans card details" {
  carries [CardNumber, CardSecurityCode, CardholderName]
}

flow LoadCheckout: ShopperBrowser <-> Cdn "Checkout pages, scripts and order submission" {
  protocol https
  carries [ShopperSession, OrderDetails, CardToken]
}

// The iframe posts card fields to pay.example.com, a different origin from the shop, so scripts
// on the shop page cannot read them (same-origin policy). They are not yet encrypted above TLS, so
// the CDN sees them in clear: rule EXT-EDGE-01 on Cdn, adopted as EdgeSeesPan in threats.tm.
flow SubmitCard: ShopperBrowser -> Cdn "Card fields posted from the payment iframe" {
  protocol https
  carries [CardNumber, CardSecurityCode, CardholderName]
}

flow ThreeDsChallenge: ShopperBrowser <-> IssuerAcs "3-D Secure challenge (one-time code or banking-app approval)" {
  protocol https
  carries [ThreeDsData]
}

// The app encrypts card fields with the vault's public key (JWE) before sending them, so the CDN
// relays ciphertext on this path; the web path (SubmitCard) follows with PAY-187.
flow AppApi: MobileApp <-> Cdn "App API calls; card fields encrypted on the device" {
  protocol https
  signed
  end-to-end
  carries [CardNumber, CardSecurityCode, ShopperSession, OrderDetails]
}

// --- Edge to origin ------------------------------------------------------------------------------

flow EdgeToWeb: Cdn -> CheckoutWeb "Forwards page and order requests" {
  protocol https
  authenticates certificate
  carries [ShopperSession, OrderDetails, CardToken]
}

flow EdgeToGateway: Cdn -> ApiGateway "Forwards card submissions and app API calls" {
  protocol https
  authenticates certificate
  rate-limited
  carries [CardNumber, CardSecurityCode, CardholderName, ShopperSession, OrderDetails]
}

// --- Inside the payments VPC ------------------------------------------------------------------------

flow CheckoutWeb <-> SessionStore "Reads and writes shopper sessions" {
  protocol other
  encrypted
  technology "Redis protocol over TLS"
  carries [ShopperSession]
}

flow PlaceOrder: CheckoutWeb -> OrderService "Places the order with the card token" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [OrderDetails, CardToken, FraudSignals]
}

flow Tokenise: ApiGateway <-> TokenisationService "Tokenises card fields and returns the token" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardNumber, CardSecurityCode, CardholderName, CardToken]
}

flow AppOrders: ApiGateway -> OrderService "App order API" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [OrderDetails, CardToken, FraudSignals]
}

flow AuthorisePayment: OrderService -> PaymentService "Authorise, capture or cancel the payment for an order" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken, FraudSignals]
}

flow OrderService <-> OrderDb "Reads and writes orders" {
  protocol sql
  encrypted
  carries [OrderDetails, CardToken]
}

flow ScoreTransaction: PaymentService <-> FraudScoring "Requests a risk score" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [FraudSignals, RiskScore]
}

flow FraudLookup: FraudScoring <-> FraudDataProvider "Device and e-mail reputation lookup" {
  protocol https
  authenticates api-key
  carries [FraudSignals, RiskScore]
}

flow StartThreeDs: PaymentService <-> ThreeDsServer "Starts 3-D Secure when the SCA policy asks for it" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken, ThreeDsData]
}

flow ThreeDsDetokenise: ThreeDsServer <-> TokenisationService "Detokenises the PAN for the authentication request" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken, CardNumber]
}

flow DirectoryLookup: ThreeDsServer <-> DirectoryServer "AReq/ARes through the card-scheme directory" {
  protocol https
  authenticates mtls
  signed
  carries [CardNumber, ThreeDsData]
}

flow Detokenise: PaymentService <-> TokenisationService "Exchanges the token for PAN and CVC just before authorisation" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken, CardNumber, CardSecurityCode]
}

flow Authorise: PaymentService <-> Acquirer "Authorisation, capture and refund (ISO 8583)" {
  protocol iso8583
  encrypted
  signed
  authenticates certificate
  technology "ISO 8583 over mutual TLS 1.2 inside an IPsec tunnel"
  carries [AuthorisationMessage, CardNumber, CardSecurityCode]
  answer denial-of-service "Two tunnels to two acquirer data centres; on timeout we send a reversal, never a blind retry"
}

flow PostLedger: PaymentService -> LedgerDb "Posts ledger entries" {
  protocol sql
  encrypted
  carries [LedgerEntry]
}

flow TokenisationService <-> Hsm "Encrypts and decrypts PANs, unwraps data keys" {
  protocol other
  encrypted
  authenticates certificate
  technology "Payment Cryptography API over TLS"
  carries [KeyMaterial, CardNumber]
}

flow VaultReadWrite: TokenisationService <-> CardVault "Stores and fetches encrypted PANs by token" {
  protocol sql
  encrypted
  carries [CardNumber, CardToken, CardholderName, KeyMaterial]
}

// --- Events, settlement and notifications ------------------------------------------------------------

// Deliberately left without `encrypted`: the payment service still produces to the broker's
// legacy PLAINTEXT listener (9092) over the PrivateLink connection to the platform account. This is
// the instance of WEB-TLS-01 that threats.tm adopts as KafkaPlaintext; the move to the TLS
// listener is PAY-214. The consumers below already use the TLS listener.
flow PaymentEvents: PaymentService -> EventBus "Publishes payment lifecycle events" {
  protocol kafka
  carries [PaymentEvent]
}

flow PaymentStatus: EventBus -> OrderService "Payment status for order fulfilment" {
  protocol kafka
  encrypted
  authenticates password
  carries [PaymentEvent]
}

flow ReceiptEvents: EventBus -> NotificationService "Events that trigger receipts" {
  protocol kafka
  encrypted
  authenticates password
  carries [PaymentEvent]
}

flow FetchOrder: NotificationService -> OrderService "Fetches order and contact details for the receipt" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [OrderDetails]
}

flow SendReceipt: NotificationService -> EmailProvider "Sends receipt e-mails and SMS" {
  protocol https
  authenticates api-key
  carries [NotificationMessage]
  answer tampering "The provider's API is called over TLS with a scoped key; receipts contain no links that change payment state"
}

flow LedgerDb -> SettlementJob "Reads the day's captured transactions" {
  protocol sql
  encrypted
  carries [LedgerEntry]
}

flow SettlementJob <-> TokenisationService "Detokenises PANs for the clearing file" {
  protocol grpc
  encrypted
  authenticates mtls
  carries [CardToken, CardNumber]
}

flow ClearingFiles: SettlementJob <-> Acquirer "Uploads clearing files, downloads reconciliation reports" {
  protocol sftp
  encrypted
  signed
  authenticates certificate
  carries [SettlementFile]
}

// --- Security plumbing: audit records and secrets ----------------------------------------------------

flow PaymentService -> AuditLog "Payment audit records" {
  protocol s3
  encrypted
  carries [AuditRecord]
}

flow TokenisationService -> AuditLog "Every detokenisation, with caller and purpose" {
  protocol s3
  encrypted
  carries [AuditRecord]
}

flow SecretsManager -> PaymentService "Acquirer and database credentials" {
  protocol https
  encrypted
  carries [ServiceCredential]
}

flow SecretsManager -> TokenisationService "Vault database credentials and HSM client certificate" {
  protocol https
  encrypted
  carries [ServiceCredential]
}

flow SecretsManager -> SettlementJob "SFTP private key" {
  protocol https
  encrypted
  carries [ServiceCredential]
}

flow SecretsManager -> FraudScoring "Fraud-provider API key" {
  protocol https
  encrypted
  carries [ServiceCredential]
}

flow SecretsManager -> ThreeDsServer "Directory-server client certificate and key" {
  protocol https
  encrypted
  carries [ServiceCredential]
}

flow SecretsManager -> NotificationService "E-mail and SMS provider API key" {
  protocol https
  encrypted
  carries [ServiceCredential]
}
