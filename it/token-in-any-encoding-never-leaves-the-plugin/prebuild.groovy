def api = ai.osvi.it.EchoingApi.start()
context.api = api
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dosvi.baseUrl=${api.baseUrl()}\n-Dosvi.campaignId=9,10,11\n-Dosvi.timeout=20s\n-Dosvi.maxConsecutiveErrors=2\n-Dosvi.pollInterval=1s\n-Dosvi.maxFailureRatio=5%\n"
true
