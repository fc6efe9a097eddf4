-- An order's ipnSecret is stored encrypted from now on (v1:<keyId>:<base64>, see SecretBox), which
-- is longer than the secret itself; V13 (a Java migration, V13__Seal_secrets) encrypts the
-- existing ones. varchar to text needs no table rewrite.
alter table exchange_order alter column ipn_secret type text;

-- An IPN's legacy hash (sha256 over its fields and the ipnSecret) is computed when it is sent and
-- no longer stored with its body: a stored hash would let a weak ipnSecret be guessed offline
-- from a copy of the database. The hash is always the body's last field.
update ipn_delivery set body = regexp_replace(body, '&hash=[0-9a-f]{64}$', '') where body ~ '&hash=[0-9a-f]{64}$';
