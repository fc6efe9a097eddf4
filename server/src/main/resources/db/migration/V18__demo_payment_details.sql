-- The demo currencies' payment details, structured and in the three page languages, as an
-- operator would set them with PUT /admin/currencies/{id}. Rows the operator already changed
-- (another address than the demo one) are left alone.

update currency set pay_address = 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', pay_network = 'Bitcoin',
    pay_memo = null, pay_confirmations = 1,
    instructions_en = 'Send exactly the amount shown, in one transaction.',
    instructions_ru = 'Отправьте ровно указанную сумму одной транзакцией.',
    instructions_uk = 'Надішліть рівно вказану суму однією транзакцією.'
where id = '5d8e5f4ab80b7b4cd75a6301' and pay_address = 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';

update currency set pay_address = '0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e', pay_network = 'Ethereum (ERC20)',
    pay_memo = null, pay_confirmations = 12,
    instructions_en = 'Send ETH on the Ethereum network only, in one transaction.',
    instructions_ru = 'Отправляйте ETH только в сети Ethereum, одной транзакцией.',
    instructions_uk = 'Надсилайте ETH лише в мережі Ethereum, однією транзакцією.'
where id = '5d8e5f4ab80b7b4cd75a6302' and pay_address = '0x9f2d0e6b7a8c4d3e2f1a0b9c8d7e6f5a4b3c2d1e';

update currency set pay_address = 'TQ4pNbrnyr4Jb9vQ2zBC3H1PcQWhgJx4Pf', pay_network = 'Tron (TRC20)',
    pay_memo = null, pay_confirmations = 20,
    instructions_en = 'Send USDT on the TRC20 network only: a payment on another network is lost.',
    instructions_ru = 'Отправляйте USDT только в сети TRC20: платёж в другой сети будет потерян.',
    instructions_uk = 'Надсилайте USDT лише в мережі TRC20: платіж в іншій мережі буде втрачено.'
where id = '5d8e5f4ab80b7b4cd75a6303' and pay_address = 'TQ4pNbrnyr4Jb9vQ2zBC3H1PcQWhgJx4Pf';

update currency set pay_address = 'Z104867256013', pay_network = null, pay_memo = '{uid}', pay_confirmations = null,
    instructions_en = 'Pay to the WebMoney purse with the order number as the payment note.',
    instructions_ru = 'Оплатите на кошелёк WebMoney, указав номер заявки в примечании к платежу.',
    instructions_uk = 'Сплатіть на гаманець WebMoney, вказавши номер заявки в примітці до платежу.'
where id = '5d8e5f4ab80b7b4cd75a6304' and payment_instructions = 'Pay to WebMoney purse Z104867256013 with the order uid as the payment note';
