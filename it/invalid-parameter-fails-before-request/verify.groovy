def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
assert log.contains("on project standalone-pom: Invalid pollInterval (osvi.pollInterval) '0s': must be greater than zero."
        + ' Accepted: ') : 'message naming the parameter, its property and the value missing'
assert log =~ /Invalid pollInterval .* Accepted: [^\n]*\b90s\b[^\n]*ISO-8601 \(PT30M\)/ : 'accepted forms missing'
assert log.contains('Accepted: a duration of at least 1s, written as a number with a unit (1s, 90s, 15m, 1h, 1h30m) or'
        + ' ISO-8601 (PT30M).') : 'pollInterval must list only forms of at least 1s, never 500ms'
assert simulator.requests().isEmpty() : "no request may be sent with an invalid parameter, but got ${simulator.requests()}"
assert !log.contains('Awaiting OSVI campaign') : 'the gate must not start with an invalid parameter'
// The invoker does not pass -e, so a stack trace could only come from the plugin. (Maven 4 quotes it: '-e'.)
assert log =~ /To see the full stack trace of the errors, re-run Maven with the '?-e'? switch/ : 'the build ran with -e'
assert !(log =~ /(?m)^(\tat |    at )/) : 'a stack trace was printed'
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())
assert outputs['verdict'] == 'ERROR' && outputs['build-outcome'] == 'ERROR' : "outputs: ${outputs}"
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv == ['OSVI_VERDICT': 'ERROR', 'OSVI_BUILD_OUTCOME': 'ERROR']
assert log.contains('BUILD FAILURE')
