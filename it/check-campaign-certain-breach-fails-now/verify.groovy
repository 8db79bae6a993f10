def log = new File(basedir, 'build.log').text
assert log.contains('OSVI gate: FAIL campaign 7: 1 of 1 rule breached on 50 calls (certain before completion)') : 'certain breach must FAIL'
assert log.contains('Campaign 7 failed the OSVI gate:') : 'failure message missing'
def dotenv = ai.osvi.it.GitlabDotenvFile.read(new File(basedir, 'target/osvi/osvi.env').toPath())
assert dotenv['OSVI_VERDICT'] == 'FAIL'
assert log.contains('BUILD FAILURE')
