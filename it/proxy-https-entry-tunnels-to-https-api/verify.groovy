// Also checks that the token appears neither in build.log nor under target/.
def api = ai.osvi.it.ItSimulator.stopHttps(context)
def proxy = context.proxy
proxy.close()
def log = new File(basedir, 'build.log').text
def gateLines = log.readLines().findAll { !it.startsWith('[DEBUG]') && (it.contains('OSVI gate') || it.contains('proxy')) }.join('\n')
assert log.contains('[INFO] OSVI gate: PASS campaign 7: 1 of 1 rule passed on 200 calls') : "no PASS; the gate said:\n${gateLines}"
def lines = log.readLines()
assert lines.contains("[INFO] Using the proxy http://127.0.0.1:${proxy.port()} (settings.xml proxy 'corp')".toString()) : "proxy line missing:\n${gateLines}"
def tunnelTo = "127.0.0.1:${api.baseUrl().port}".toString()
// Maven 4 also sends its own repository requests through an https proxy entry: only the gate's are looked at here
def gate = proxy.seen().findAll { it.target().contains('127.0.0.1') }
assert gate && gate.every { it.method() == 'CONNECT' && it.target() == tunnelTo } : "only CONNECT ${tunnelTo} expected at the proxy, it saw ${proxy.seen()}"
assert gate.any { it.authorized() } : "no CONNECT carried the proxy credentials: ${proxy.seen()}"
assert api.requests() && api.requests().every { it.authorized() } : "the API saw ${api.requests()}"
// The proxy only opens a tunnel for a CONNECT with the right credentials: each API request came through one.
assert api.requests().every { proxy.upstreamPorts().contains(it.clientPort()) } : "requests that bypassed the proxy: API saw ${api.requests()}, the proxy opened ${proxy.upstreamPorts()}"
assert !log.contains('itProxyPasswordTls') : 'the proxy password leaked into build.log'
assert !log.contains('builder:itProxyPasswordTls'.bytes.encodeBase64().toString()) : 'the Proxy-Authorization header leaked into build.log'
assert log.contains('BUILD SUCCESS')
