def log = new File(basedir, 'build.log').text
// Maven 3.6 strips every ANSI escape from non-terminal output, even with style.color=always: expect colours only
// where Maven coloured its own [INFO] prefix.
def esc = '\u001b['
def coloured = log.contains("[${esc}") && log.contains("mINFO${esc}")
def c = { String code, String word -> coloured ? "${esc}${code}m${word}${esc}m" : word }
assert log.contains('campaign 7: queues 2/2 completed, 100/100 calls, 100%') : 'campaign 7 progress missing'
assert log.contains("OSVI gate: ${c('1;32', 'PASS')} campaign 7: 1 of 1 rule passed on 100 calls") : 'coloured PASS line for 7 missing'
assert log.contains("OSVI gate: ${c('1;31', 'ERROR')} campaign 8: the campaign was not found (HTTP 404)") : 'coloured ERROR line for 8 missing'
assert log.contains("OSVI gate: ${c('1;31', 'ERROR')} 2 campaigns: 7 PASS, 8 ERROR") : 'overall line missing'
assert log.contains('The OSVI gate could not decide on campaign 8:') : 'failure message missing'
assert new File(basedir, 'target/osvi/campaign-7.json').text.contains('"verdict" : "PASS"')
assert new File(basedir, 'target/osvi/campaign-8.json').text.contains('"verdict" : "ERROR"')
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-8.xml').isFile()
def outputs = ai.osvi.it.GithubOutputFile.read(new File(basedir, 'target/github-output.txt').toPath())
assert outputs['verdict'] == 'ERROR' && outputs['7-verdict'] == 'PASS' && outputs['8-verdict'] == 'ERROR' : "outputs: ${outputs}"
assert outputs['summary'] == 'OSVI gate: ERROR 2 campaigns: 7 PASS, 8 ERROR'
assert outputs['calls-total'] == '100' && outputs['7-calls-total'] == '100' && !outputs.containsKey('8-calls-total')
assert outputs['7-ratio-failed'] == '0.03' && outputs['ratio-failed'] == '0.03'
assert outputs['report-json'].readLines().collect { new File(it).name } == ['campaign-7.json', 'campaign-8.json']
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'ERROR' && dotenv['OSVI_7_VERDICT'] == 'PASS' && dotenv['OSVI_8_VERDICT'] == 'ERROR'
assert dotenv['OSVI_7_RATIO_FAILED'] == '0.03' && dotenv['OSVI_8_BUILD_OUTCOME'] == 'ERROR'
assert log.contains('BUILD FAILURE')
