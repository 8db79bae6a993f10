def log = new File(basedir, 'build.log').text
def osvi = new File(basedir, 'target/osvi')
assert log.contains('OSVI gate: FAIL campaign 8: 1 of 1 rule breached on 100 calls') : 'the strict gate must FAIL'
assert log.contains('OSVI gate: PASS campaign 8: 1 of 1 rule passed on 100 calls') : 'the advisory gate must PASS'
assert log.contains("Reports: ${osvi.absolutePath} (campaign-8-advisory.json, TEST-osvi-campaign-8-advisory.xml, campaign-8-advisory.svg, osvi.env)") : 'the second gate must name its own reports'
// the strict gate's JUnit report survives the advisory PASS: Jenkins' junit step marks the build UNSTABLE
def strictJunit = new File(osvi, 'TEST-osvi-campaign-8.xml').text
assert strictJunit =~ /<testsuite name="osvi\.campaign\.8" tests="2" failures="1"/ : "strict JUnit: ${strictJunit}"
def advisoryJunit = new File(osvi, 'TEST-osvi-campaign-8-advisory.xml').text
assert advisoryJunit =~ /<testsuite name="osvi\.campaign\.8\.advisory" tests="2" failures="0"/ : "advisory JUnit: ${advisoryJunit}"
def json = new groovy.json.JsonSlurper()
assert json.parse(new File(osvi, 'campaign-8.json')).verdict == 'FAIL'
assert json.parse(new File(osvi, 'campaign-8-advisory.json')).verdict == 'PASS'
assert new File(osvi, 'campaign-8.svg').isFile() && new File(osvi, 'campaign-8-advisory.svg').isFile()
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(osvi, 'osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'FAIL' && dotenv['OSVI_CAMPAIGN_ID'] == '8' : "osvi.env: ${dotenv}"
assert log.contains('BUILD SUCCESS')
