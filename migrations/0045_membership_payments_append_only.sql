-- Money received and money the bank took back are accounting records (the FEC is built from them):
-- the application may add a payment or a reversal, never rewrite or remove one. A reversal cancels a
-- payment, so neither row changes afterwards; corrections are new rows (a credit note, a payment).
REVOKE UPDATE, DELETE, TRUNCATE ON "payment_reversals" FROM maillage_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "payments" FROM maillage_app;
