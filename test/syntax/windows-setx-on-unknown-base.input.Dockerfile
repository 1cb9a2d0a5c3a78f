FROM myorg/base:1
RUN setx /M PATH "%PATH%;C:\\tools"
RUN tool --version
