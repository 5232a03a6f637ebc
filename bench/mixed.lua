-- wrk script of bench/pages.sh: requests every page given, anonymous and with the session cookie, in turn, so that
-- the JIT compiles the blog's code for every page and visitor before any one of them is measured.
-- Usage: wrk -s bench/mixed.lua URL -- COOKIE PATH...
local requests = {}
local next_request = 0

function init(args)
    for k = 2, #args do
        requests[#requests + 1] = wrk.format("GET", args[k])
        requests[#requests + 1] = wrk.format("GET", args[k], { Cookie = args[1] })
    end
end

function request()
    next_request = next_request % #requests + 1
    return requests[next_request]
end
