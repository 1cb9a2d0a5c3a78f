FROM example/app-windows:3
RUN echo a
RUN echo b
