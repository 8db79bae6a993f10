def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
(1..4).each { n ->
    def prefix = "[WARNING] campaign 7: poll failed (${n} in a row, the wait ends at 5): HTTP 502 Bad Gateway; next poll in ".toString()
    assert lines.any { it.startsWith(prefix) } : "warning ${n} of 5 missing"
}
assert !log.contains('(5 in a row') : 'the fifth error ends the wait, it is not a warning'
assert log =~ /Campaign 7: no snapshot received, 5 polls, 5 errors, \d+s/ : 'campaign line missing'
assert log =~ /(?m)^\[ERROR\] OSVI gate: ERROR campaign 7: gave up after 5 consecutive failed polls \(5 polls in \d+s\); no poll ever succeeded: check baseUrl http:\/\/127\.0\.0\.1:\d+\/$/ : 'summary line missing'
assert lines.contains('[ERROR]   - Last error: HTTP 502 Bad Gateway') : 'last error missing'
assert simulator.requests().size() == 5 : "expected exactly 5 requests, got ${simulator.requests().size()}"
assert log.contains('BUILD FAILURE')
