def log = new File(basedir, 'build.log').text
// Maven 3.6 strips every ANSI escape from non-terminal output, even with style.color=always: expect colours only
// where Maven coloured its own [INFO] prefix.
def esc = '\u001b['
def coloured = log.contains("[${esc}") && log.contains("mINFO${esc}")
def c = { String code, String word -> coloured ? "${esc}${code}m${word}${esc}m" : word }
assert log.contains('campaign 7: queues 2/2 completed, 100 calls') : 'campaign 7 progress missing'
assert log.contains("OSVI gate: ${c('1;32', 'PASS')} campaign 7: 1 of 1 rule passed on 100 calls") : 'coloured PASS line for 7 missing'
assert log.contains("OSVI gate: ${c('1;31', 'ERROR')} campaign 8: the campaign was not found (HTTP 404)") : 'coloured ERROR line for 8 missing'
assert log.contains("OSVI gate: ${c('1;31', 'ERROR')} 2 campaigns: 7 PASS, 8 ERROR") : 'overall line missing'
assert log.contains('The OSVI gate could not decide on campaign 8: the campaign was not found (HTTP 404)') : 'failure message missing'
assert new File(basedir, 'target/osvi/campaign-7.json').text.contains('"verdict" : "PASS"')
assert new File(basedir, 'target/osvi/campaign-8.json').text.contains('"verdict" : "ERROR"')
assert new File(basedir, 'target/osvi/TEST-osvi-campaign-8.xml').isFile()
assert log.contains('BUILD FAILURE')
