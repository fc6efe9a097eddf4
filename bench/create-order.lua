-- wrk: POST /public/exchanger/order/create with the demo ETH -> WMZ route
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"routeId":"5d8e5f4ab80b7b4cd75a6402","amount":2,"toValues":[{"key":"5d8e5f4ab80b7b4cd75a6414","value":"Z123456789012"}],"routeValues":[{"key":"5d8e5f4ab80b7b4cd75a6415","value":"client@example.com"}],"partner":"bench","email":"client@example.com"}]]

local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
