-- Demo currencies and routes, so that a fresh install answers the quick start at once.
-- The operator switches them off (route.active) or changes them like any other route.

insert into currency (id, xml, name, scale, reserve, payment_instructions, manual_payment) values
    ('5d8e5f4ab80b7b4cd75a6301', 'BTC',       'Bitcoin',          8, 12.5,
     'Send BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh (1 confirmation)', true),
    ('5d8e5f4ab80b7b4cd75a6302', 'ETH',       'Ethereum',         8, 340,
     'Send ETH to 0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e (12 confirmations)', true),
    ('5d8e5f4ab80b7b4cd75a6303', 'USDTTRC20', 'Tether TRC20',     2, 250000,
     'Send USDT (TRC20 network only) to TQ4pNbrnyr4Jb9vQ2zBC3H1PcQWhgJx4Pf', true),
    ('5d8e5f4ab80b7b4cd75a6304', 'WMZ',       'WebMoney WMZ',     2, 25000,
     'Pay to WebMoney purse Z104867256013 with the order uid as the payment note', true),
    ('5d8e5f4ab80b7b4cd75a6305', 'CARDUAH',   'Visa/Mastercard UAH', 2, 1800000,
     'Payouts only', false);

insert into route (id, from_currency_id, to_currency_id, rate, fee_percent, fee_fixed, min_amount, max_amount, active, payment_window_minutes) values
    ('5d8e5f4ab80b7b4cd75a6401', '5d8e5f4ab80b7b4cd75a6301', '5d8e5f4ab80b7b4cd75a6303', 64250.5,  0.5, 1,   0.0005, 5,      true, 60),
    ('5d8e5f4ab80b7b4cd75a6402', '5d8e5f4ab80b7b4cd75a6302', '5d8e5f4ab80b7b4cd75a6304', 158.71,   0,   0,   0.01,   50,     true, 30),
    ('5d8e5f4ab80b7b4cd75a6403', '5d8e5f4ab80b7b4cd75a6303', '5d8e5f4ab80b7b4cd75a6305', 41.35,    1,   0,   10,     20000,  true, 30);

insert into route_field (id, route_id, kind, position, name, required, regexp, example) values
    -- BTC -> USDTTRC20
    ('5d8e5f4ab80b7b4cd75a6410', '5d8e5f4ab80b7b4cd75a6401', 'fromValues',  0, 'wallet', false,
     '^(bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'),
    ('5d8e5f4ab80b7b4cd75a6411', '5d8e5f4ab80b7b4cd75a6401', 'toValues',    0, 'wallet', true,
     '^T[1-9A-HJ-NP-Za-km-z]{33}$', 'TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9'),
    ('5d8e5f4ab80b7b4cd75a6412', '5d8e5f4ab80b7b4cd75a6401', 'routeValues', 0, 'email',  true,
     '^[^@\s]+@[^@\s]+\.[^@\s]+$', 'client@example.com'),
    -- ETH -> WMZ
    ('5d8e5f4ab80b7b4cd75a6413', '5d8e5f4ab80b7b4cd75a6402', 'fromValues',  0, 'wallet', false,
     '^0x[0-9a-fA-F]{40}$', '0x52908400098527886E0F7030069857D2E4169EE7'),
    ('5d8e5f4ab80b7b4cd75a6414', '5d8e5f4ab80b7b4cd75a6402', 'toValues',    0, 'wallet', true,
     '^Z[0-9]{12}$', 'Z123456789012'),
    ('5d8e5f4ab80b7b4cd75a6415', '5d8e5f4ab80b7b4cd75a6402', 'routeValues', 0, 'email',  true,
     '^[^@\s]+@[^@\s]+\.[^@\s]+$', 'client@example.com'),
    -- USDTTRC20 -> CARDUAH
    ('5d8e5f4ab80b7b4cd75a6416', '5d8e5f4ab80b7b4cd75a6403', 'fromValues',  0, 'wallet', true,
     '^T[1-9A-HJ-NP-Za-km-z]{33}$', 'TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9'),
    ('5d8e5f4ab80b7b4cd75a6417', '5d8e5f4ab80b7b4cd75a6403', 'toValues',    0, 'card',   true,
     '^[0-9]{16}$', '4149499912345678'),
    ('5d8e5f4ab80b7b4cd75a6418', '5d8e5f4ab80b7b4cd75a6403', 'toValues',    1, 'cardholder', true,
     '^[A-Za-z]+( [A-Za-z]+){1,3}$', 'Taras Shevchenko'),
    ('5d8e5f4ab80b7b4cd75a6419', '5d8e5f4ab80b7b4cd75a6403', 'routeValues', 0, 'email',  true,
     '^[^@\s]+@[^@\s]+\.[^@\s]+$', 'client@example.com'),
    ('5d8e5f4ab80b7b4cd75a641a', '5d8e5f4ab80b7b4cd75a6403', 'routeValues', 1, 'phone',  false,
     '^\+[0-9]{10,15}$', '+380501234567');
