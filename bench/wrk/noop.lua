-- wrk: GET the URL given on the command line (the empty app's /noop, the server's liveness)
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
