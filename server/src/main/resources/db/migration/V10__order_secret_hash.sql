-- The order secret is kept only as its SHA-256 (hex), like a partner API key: the secret is 24
-- random base62 characters (about 143 bits), so a fast hash cannot be reversed, and a check is
-- one hash of what the caller sent. A lost secret cannot be recovered from the database.
-- ALTER ... TYPE rewrites the table once, so no row version with the old secret is left in it.
alter table exchange_order alter column secret type varchar(64) using encode(sha256(convert_to(secret, 'UTF8')), 'hex');
alter table exchange_order rename column secret to secret_hash;
