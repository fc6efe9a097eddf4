-- Structured payment details per currency: the payment page shows the address, network,
-- memo/tag and confirmations each on its own (with its own copy button, the address as a QR
-- code), and the operator's instructions in the page's language. Null address: none set, and
-- the page shows the free-text payment_instructions as before.

alter table currency
    add column pay_address       varchar(256),
    add column pay_network       varchar(64),
    add column pay_memo          varchar(128),
    add column pay_confirmations int check (pay_confirmations between 0 and 10000),
    add column instructions_en   text,
    add column instructions_ru   text,
    add column instructions_uk   text;

-- Existing free text that names a recognisable crypto address (Ethereum/EVM, Bitcoin, Tron)
-- becomes structured: the address and "(N confirmations)" are taken from it, and the text
-- itself is kept, word for word, as the English instructions (the operator's words stay).
update currency set
    pay_address = substring(payment_instructions from '(0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{11,71}|T[1-9A-HJ-NP-Za-km-z]{33})'),
    pay_confirmations = cast(substring(payment_instructions from '\(([0-9]{1,4}) confirmations?\)') as int),
    instructions_en = payment_instructions
where payment_instructions ~ '(0x[0-9a-fA-F]{40}|bc1[02-9ac-hj-np-z]{11,71}|T[1-9A-HJ-NP-Za-km-z]{33})';
