// Also checks that the token appears neither in build.log nor under target/.
def api = ai.osvi.it.ItSimulator.stopHttps(context)
def proxy = context.proxy
proxy.close()
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def gateLines = lines.findAll { it.contains('OSVI gate') || it.contains('proxy') }.join('\n')
def named = "http://127.0.0.1:${proxy.port()} (settings.xml proxy 'corp')"
assert lines.contains("[INFO] Using the proxy ${named}".toString()) : "proxy line missing:\n${gateLines}"
assert lines.contains('[ERROR] OSVI gate: ERROR campaign 7: the proxy refused the request (HTTP 407)') : "summary line missing:\n${gateLines}"
assert lines.contains("[ERROR]   - HTTP 407 Proxy Authentication Required: the proxy ${named} refused its credentials; check the username and password of that proxy.".toString()) : "cause missing:\n${gateLines}"
// A 407 is final: one CONNECT without credentials, one with the wrong ones, and no poll after that. (Maven 4 also
// sends its own repository requests through an https proxy entry: only the gate's, to 127.0.0.1, are counted.)
def gate = proxy.seen().findAll { it.target().contains('127.0.0.1') }
assert gate && gate.size() <= 2 && gate.every { it.method() == 'CONNECT' && !it.authorized() } : "a 407 must stop at once, the proxy saw ${proxy.seen()}"
assert !lines.any { it.contains('poll failed') } : 'a 407 was retried'
def totalTime = lines.find { it.startsWith('[INFO] Total time:') }
assert totalTime && totalTime.endsWith(' s') : "the build must end within a minute: ${totalTime}"
assert api.requests().isEmpty()
assert !log.contains('itWrongProxyPass') && !log.contains('itRightProxyPass') : 'a proxy password leaked into build.log'
assert log.contains('BUILD FAILURE')
