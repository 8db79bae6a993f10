def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] OSVI gate: ERROR: invalid configuration (maxFailRatio)') : 'error line missing'
assert log.contains("on project misspelt-pom-element: <maxFailRatio> in the plugin's <configuration> names no parameter"
        + ' of osvi-maven-plugin, so Maven would ignore it and the gate would run without it: did you mean'
        + ' <maxFailureRatio>?') : 'suggestion missing'
assert !log.contains('<onRunning>') : 'a parameter of check-campaign is allowed at the plugin level'
assert !log.contains('Awaiting OSVI campaign') && !log.contains('OSVI gate: FAIL') && !log.contains('OSVI gate: PASS') : 'the gate must not start'
assert !(log =~ /(?m)^(\tat |    at )/) : 'a stack trace was printed'
assert log.contains('BUILD FAILURE')
