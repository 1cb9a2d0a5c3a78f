# expect-none
FROM myorg/custom:1.0
RUN make
