FROM alpine AS My-Stage_1.x
FROM My-Stage_1.x
