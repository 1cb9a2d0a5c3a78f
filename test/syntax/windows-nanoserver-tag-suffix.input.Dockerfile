FROM lang:1.8-nanoserver
RUN echo a
RUN echo b
