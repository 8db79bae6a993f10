def simulator = ai.osvi.it.ItSimulator.stop(context)
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert lines.contains('[ERROR] OSVI gate: ERROR campaign 7: a rule names a status the API did not report, probably misspelt') : 'summary line missing'
assert lines.contains("[ERROR]   - Rule 'faild <= 5%' (thresholds) names the status 'faild', which the API did not report: did"
        + ' you mean failed? Statuses reported: picked, not_picked, failed.') : 'suggestion missing'
assert !log.contains("'voicemail', which the API did not report: did you mean") : 'a far status is not a typo'
assert !log.contains('OSVI gate: PASS') : 'a misspelt status must never pass'
assert log.contains('BUILD FAILURE')
