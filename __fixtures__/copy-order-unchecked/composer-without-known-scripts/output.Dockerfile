FROM composer:2
WORKDIR /app
COPY composer.json composer.lock* auth.json* ./
RUN composer install --no-dev --no-scripts --no-autoloader
COPY . .
RUN composer dump-autoload --no-dev
