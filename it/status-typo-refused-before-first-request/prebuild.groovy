ai.osvi.it.ItSimulator.start(basedir, context, 'passing', 'itTokenStatus001')
new File(basedir, '.mvn/maven.config').append('-Dosvi.campaignId=7\n-Dosvi.pollInterval=1s\n-Dosvi.thresholds=faild<=5%,voicemail<=10%\n')
true
