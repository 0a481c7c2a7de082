-- The shape of the gateway's session: one catalog per environment (test, prod), one database per data source.
-- The corpus reads these tables; datagen and blackhole stand in for the connectors catalog-service resolves.
CREATE CATALOG test WITH ('type' = 'generic_in_memory', 'default-database' = 'demo_kafka');
CREATE CATALOG prod WITH ('type' = 'generic_in_memory', 'default-database' = 'demo_kafka');
CREATE DATABASE test.demo_pg;
CREATE DATABASE prod.demo_pg;
CREATE TABLE test.demo_kafka.orders (order_id BIGINT, customer_id BIGINT, product_id BIGINT, amount DECIMAL(10, 2), status STRING, card_number STRING, ts TIMESTAMP(3), proc AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE test.demo_kafka.payments (payment_id BIGINT, order_id BIGINT, amount DECIMAL(10, 2), pay_method STRING, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
CREATE TABLE test.demo_kafka.customers (customer_id BIGINT, name STRING, email STRING, country STRING, proc AS PROCTIME()) WITH ('connector' = 'datagen');
CREATE TABLE test.demo_kafka.salaries (employee_id BIGINT, name STRING, salary DECIMAL(10, 2)) WITH ('connector' = 'datagen');
CREATE TABLE test.demo_kafka.order_summary (customer_id BIGINT, total DECIMAL(20, 2)) WITH ('connector' = 'blackhole');
CREATE TABLE test.demo_kafka.audit_log (event STRING, detail STRING) WITH ('connector' = 'blackhole');
CREATE TABLE test.demo_pg.products (product_id BIGINT, name STRING, price DECIMAL(10, 2), supplier STRING) WITH ('connector' = 'datagen');
CREATE TABLE test.demo_pg.accounts (customer_id BIGINT, segment STRING, credit_limit DECIMAL(10, 2)) WITH ('connector' = 'datagen');
CREATE TABLE prod.demo_kafka.orders (order_id BIGINT, customer_id BIGINT, product_id BIGINT, amount DECIMAL(10, 2), status STRING, card_number STRING, ts TIMESTAMP(3), proc AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');
CREATE TABLE prod.demo_kafka.order_summary (customer_id BIGINT, total DECIMAL(20, 2)) WITH ('connector' = 'blackhole');
CREATE TABLE prod.demo_pg.products (product_id BIGINT, name STRING, price DECIMAL(10, 2), supplier STRING) WITH ('connector' = 'datagen');
USE CATALOG test;
USE demo_kafka;
