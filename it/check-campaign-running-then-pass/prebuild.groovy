def api = ai.osvi.it.CompletingApi.start('itTokenCheck0001')
context.api = api
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dosvi.baseUrl=${api.baseUrl()}\n-Dosvi.campaignId=7\n-Dosvi.maxFailureRatio=5%\n-Dosvi.maxCampaignAge=365d\n"
true
