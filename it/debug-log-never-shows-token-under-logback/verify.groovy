// Put together so that this file does not hold the token literally (see invoker.properties).
def token = 'itTokenLogback' + '0001'
def simulator = context.simulator
simulator.close()
def lines = new File(basedir, 'build.log').readLines()
// Lines are checked one by one, so that a failing assert names a few lines (the token masked), not the whole log.
def found = { regex -> lines.findAll { it =~ regex }.collect { it.replace(token, '<token>') } }

assert simulator.requests() && simulator.requests().every { it.authorized() } : "the token was not sent: ${simulator.requests()}"
// HttpClient 5's header and wire loggers (Maven's own downloads log as org.apache.http.*, HttpClient 4)
def leaks = found(/org\.apache\.hc\.client5\.http\.(headers|wire) /) + found(/API-Token/)
assert !leaks : "HttpClient logged request headers or the wire (${leaks.size()} lines), e.g. ${leaks.take(4)}"
// Maven really ran on logback (Maven's own logger prints no logger names) and -X turned DEBUG on, HttpClient's too.
assert found(/^\[INFO\] ai\.osvi\.maven\.AwaitCampaignMojo - OSVI gate: PASS campaign 7: 1 of 1 rule passed on 100 calls$/) : 'summary line, through logback, missing'
assert found(/^\[DEBUG\] org\.apache\.maven\.\S+ - /) : 'Maven did not log at DEBUG through logback'
assert found(/^\[DEBUG\] org\.apache\.hc\.client5\.http\.\S+ - ex-\d+ executing GET \/v1\/campaigns\/7\/status$/) : "HttpClient's DEBUG lines missing"
assert found(/BUILD SUCCESS/) : 'build did not succeed'
// and the token is nowhere: not in build.log, not under target/
ai.osvi.it.ItSimulator.assertTokenNeverWritten(basedir, token)
true
